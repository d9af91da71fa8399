package org.nlscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.CaptureRequest;

/**
 * What the start-capture dialog asks, as {@code nlscope capture} takes it on its command line:
 * the network namespace ({@code --netns NAME|PATH|PID}) and whose traffic alone to keep
 * ({@code --pid PID}, {@code --process NAME}, each repeatable). Immutable; no JavaFX.
 *
 * @param netns        a name under /run/netns, a path or a process id; null for this namespace
 * @param pids         keep only these processes' traffic (and their children's); empty for all
 * @param processNames keep only the traffic of processes of these command names; empty for all
 */
record CaptureChoices(String netns, List<Integer> pids, List<String> processNames) {

    /** Where {@code ip netns add} leaves its names. */
    static final Path RUN_NETNS = Path.of("/run/netns");
    /** Every netlink message of this namespace: the CLI's defaults. */
    static final CaptureChoices EVERYTHING = new CaptureChoices(null, List.of(), List.of());

    CaptureChoices {
        netns = netns == null || netns.isBlank() ? null : netns.strip();
        pids = List.copyOf(pids);
        processNames = List.copyOf(processNames);
    }

    /**
     * The dialog's two fields read: the namespace as written, and processes as words split by
     * spaces or commas, a number being a pid and anything else a command name.
     *
     * @throws IllegalArgumentException naming the word that cannot be a process
     */
    static CaptureChoices parse(String netns, String processes) {
        List<Integer> pids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String word : processes == null ? new String[0] : processes.strip().split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.chars().allMatch(Character::isDigit)) {
                int pid = parsePid(word);
                if (!pids.contains(pid)) {
                    pids.add(pid);
                }
            } else if (word.length() > 15) { // the kernel's comm is TASK_COMM_LEN - 1 bytes
                throw new IllegalArgumentException("'" + word + "' is longer than a process name can be (15 characters)");
            } else if (!names.contains(word)) {
                names.add(word);
            }
        }
        return new CaptureChoices(netns, pids, names);
    }

    private static int parsePid(String word) {
        try {
            int pid = Integer.parseInt(word);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // too big: said below
        }
        throw new IllegalArgumentException("'" + word + "' is not a process id");
    }

    /** True when only some processes' traffic is kept. */
    boolean scoped() {
        return !pids.isEmpty() || !processNames.isEmpty();
    }

    /** The processes field as the dialog shows it again: pids, then names. */
    String processesText() {
        List<String> words = new ArrayList<>();
        pids.forEach(p -> words.add(Integer.toString(p)));
        words.addAll(processNames);
        return String.join(" ", words);
    }

    /** The request the capture layer starts (its helper gets it as --netns, --pid and --process). */
    CaptureRequest toRequest() {
        return new CaptureRequest(CaptureOptions.defaults().withNetns(netns), pids, processNames);
    }

    /** " in netns blue, only pid 1234 and ip", for the status bar; empty for everything here. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        if (netns != null) {
            sb.append(" in netns ").append(netns);
        }
        if (scoped()) {
            List<String> who = new ArrayList<>();
            pids.forEach(p -> who.add("pid " + p));
            who.addAll(processNames);
            sb.append(sb.isEmpty() ? " " : ", ").append("only ").append(String.join(", ", who));
        }
        return sb.toString();
    }

    /** The names {@code ip netns add} made, sorted; none when the folder is missing or unreadable. */
    static List<String> namespaces(Path runNetns) {
        try (Stream<Path> s = Files.list(runNetns)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
