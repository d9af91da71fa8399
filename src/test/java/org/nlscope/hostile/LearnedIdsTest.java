package org.nlscope.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.cli.Main;
import org.nlscope.model.Limits;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.uapi.Netlink;

/** Item 2 (and nlctrl's fixed id of item 8) of issue 12: what a capture teaches costs linear time, within limits. */
class LearnedIdsTest {
    @TempDir
    Path dir;

    static List<String> read(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, "read", file.toString());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void idsBeyondTheLimitAreAProblemOnTheMessageNotSlowness() throws Exception {
        int frames = 65_000;
        Path file = HostileInputs.write(dir.resolve("ids.pcapng"), CaptureFormat.PCAPNG, frames, HostileInputs::manyGenlIds);
        List<String> lines = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(file));
        assertEquals(frames, lines.size());
        // nlctrl plus MAX_GENL_IDS - 1 learned ids: the next one is refused, on its own line
        int firstRefused = Limits.MAX_GENL_IDS - 1;
        assertTrue(!lines.get(firstRefused - 1).contains("not learned"), lines.get(firstRefused - 1));
        assertTrue(lines.get(firstRefused).contains("family id " + (17 + firstRefused) + " not learned: the capture already named "
                + Limits.MAX_GENL_IDS + " ids, the limit"), lines.get(firstRefused));
        assertTrue(lines.get(frames - 1).contains("not learned"), lines.get(frames - 1));
    }

    @Test
    void idsRenamedOverAndOverDecodeWithTheLatestName() throws Exception {
        int frames = 50_000;
        Path file = HostileInputs.write(dir.resolve("flip.pcapng"), CaptureFormat.PCAPNG, frames, i -> i < frames - 1
                ? HostileInputs.flippingGenlIds(i)
                // a message of family 18 after the flips: named by the last rename of id 18
                : org.nlscope.session.NetlinkTestFrames.frame(0, Netlink.NETLINK_GENERIC,
                        org.nlscope.session.NetlinkTestFrames.msg(18, 1, 7, 0, new byte[] {1, 0, 0, 0})));
        List<String> lines = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(file));
        assertEquals(frames, lines.size());
        // odd frames rename id 18, (i & 2) picks the name: the last odd one before the message wins
        int last = (frames - 2) % 2 == 1 ? frames - 2 : frames - 3;
        String expected = (last & 2) == 0 ? "alpha" : "beta";
        assertTrue(lines.get(frames - 1).contains(" " + expected + " "), lines.get(frames - 1));
    }

    @Test
    void nlctrlsFixedIdCannotBeRenamedByAMessage() throws Exception {
        Path file = HostileInputs.write(dir.resolve("rename16.pcapng"), CaptureFormat.PCAPNG, 2,
                i -> i == 0 ? HostileInputs.newFamily(0, 16, "evil") : HostileInputs.newFamily(1, 17, "wireguard"));
        List<String> lines = read(file);
        assertTrue(lines.get(0).contains("family id 16 is nlctrl's, fixed by the kernel; not renamed"), lines.get(0));
        assertTrue(lines.get(1).contains(" nlctrl "), "still nlctrl after the attempt: " + lines.get(1));
    }

    @Test
    void manyMetadataBlocksReadInLinearTime() throws Exception {
        int blocks = 40_000;
        Path file = HostileInputs.metadataBlocks(dir.resolve("meta.pcapng"), blocks);
        List<String> lines = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(file));
        assertEquals(blocks, lines.size());
        Path copy = dir.resolve("copy.pcapng");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertEquals(0, Main.run(new ByteArrayOutputStream(), err, "convert", file.toString(), copy.toString()), err.toString()));
        // convert writes what was new per block, not everything again: the copy stays the size of the original
        assertTrue(java.nio.file.Files.size(copy) < 2 * java.nio.file.Files.size(file),
                java.nio.file.Files.size(copy) + " vs " + java.nio.file.Files.size(file));
        try (org.nlscope.pcap.CaptureReader r = org.nlscope.pcap.CaptureReader.open(copy)) {
            while (r.next() != null) {
                // to the end, merging every block
            }
            assertEquals(Limits.MAX_GENL_IDS, r.metadata().genlFamilies().size());
            assertEquals(blocks, r.metadata().processes().size());
            assertEquals("p" + (blocks - 1), r.metadata().processes().get(100_000L + blocks - 1).name());
        }
    }
}
