package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.transactions.Transaction;
import org.nlscope.session.transactions.Transactions;

/** read --fold on the real captures, against the desktop app's request/answer pairing. */
class FoldTest {

    private static List<String> read(String... args) {
        MainTest.Run r = MainTest.run(args);
        assertEquals(0, r.code(), r.err());
        return r.out().lines().toList();
    }

    private static Transactions transactions(Path file) throws Exception {
        CaptureStore store = new CaptureStore(EngineDecoding.load(List.of()));
        Transactions t = Transactions.attach(store);
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                store.append(f);
            }
        }
        return t;
    }

    @Test
    void eachAnswerThatEndsATransactionFoldsIntoItsRequest() throws Exception {
        int folds = 0;
        for (Path file : GoldenTest.captures()) {
            List<String> plain = read("read", file.toString());
            List<String> folded = read("read", "--fold", file.toString());
            long arrows = folded.stream().filter(l -> l.contains(" → ")).count();
            long ended = transactions(file).all().stream().filter(t -> t.ackRow() >= 0 || t.doneRow() >= 0).count();
            assertEquals(ended, arrows, file + ": folds = transactions the desktop app sees answered");
            assertEquals(plain.size() - arrows, folded.size(), file + ": each fold takes one line away");
            // the rest is the plain output in order, with the answers appended to their requests
            int at = 0;
            for (String line : folded) {
                String bare = line.contains(" → ") ? line.substring(0, line.indexOf(" → ")) : line;
                while (at < plain.size() && !plain.get(at).equals(bare)) {
                    at++;
                }
                assertTrue(at < plain.size(), file + ": out of order or changed: " + line);
                at++;
            }
            folds += arrows;
        }
        assertTrue(folds > 300, "folds on all captures: " + folds);
    }

    @Test
    void acksErrorsAndDonesReadOnTheRequestLine() {
        List<String> errors = read("read", "--fold", GoldenTest.CAPTURES.resolve("errors.pcapng").toString());
        assertTrue(errors.stream().anyMatch(l -> l.matches(".*RTM_NEWLINK REQUEST,ACK,EXCL,CREATE .* dum0 dummy → ACK \\d+\\.\\d{3} ms")),
                String.join("\n", errors));
        assertTrue(errors.stream().anyMatch(l -> l.matches(".* dum0 dummy → EEXIST \\d+\\.\\d{3} ms")));
        assertTrue(errors.stream().anyMatch(l -> l.contains("x nosuchkind → EOPNOTSUPP \"Unknown device type\" ")));
        assertTrue(errors.stream().anyMatch(l -> l.matches(".*RTM_GETLINK REQUEST,DUMP .* → DONE 5 parts \\d+\\.\\d{3} ms")));
        assertTrue(errors.stream().noneMatch(l -> l.contains("NLMSG_ERROR") && l.contains(" ACK")));
    }

    @Test
    void aFramesOwnProblemsStayOnItsLastLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // the first frame of a real capture with a second, truncated nlmsghdr after its message
        Path damaged = dir.resolve("trailing.pcapng");
        try (CaptureReader r = CaptureReader.open(GoldenTest.CAPTURES.resolve("links.pcapng"));
             org.nlscope.pcap.CaptureWriter w = org.nlscope.pcap.CaptureWriter.create(damaged, org.nlscope.pcap.CaptureFormat.PCAPNG)) {
            Frame f = r.next();
            byte[] longer = java.util.Arrays.copyOf(f.data(), f.data().length + 16);
            longer[f.data().length] = (byte) 0xe8; // a second nlmsghdr claiming 1000 bytes where 16 are
            longer[f.data().length + 1] = 0x03;
            w.write(new Frame(f.timestampNanos(), f.linkType(), longer, longer.length, f.packetType(), f.comment()));
        }
        List<String> plain = read("read", damaged.toString());
        List<String> folded = read("read", "--fold", damaged.toString());
        assertTrue(String.join("\n", plain).contains("[malformed: "), String.join("\n", plain));
        assertEquals(plain, folded);
    }

    @Test
    void foldWithAFilterAndItsUsage() {
        String file = GoldenTest.CAPTURES.resolve("errors.pcapng").toString();
        List<String> requests = read("read", "--fold", "-Y", "request", file);
        assertTrue(requests.stream().allMatch(l -> l.contains(" > ")));
        assertTrue(requests.stream().filter(l -> l.contains(" → ")).count() > 20);
        MainTest.run("read", "--fold", "-V", file).failedWithOneLine(1, "--fold folds the one-line output");
    }
}
