package org.nlscope.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.TerminalText;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.session.filter.DisplayFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code nlscope stats FILE}: what a capture holds, counted. */
@Command(name = "stats",
        description = "Counts the messages of a capture by family and type, errors by errno, and kernel drops.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "FILE", description = "The capture file (pcap or pcapng); - reads standard input.")
    private Path file;

    @Mixin
    private DisplayFilterOption displayFilter;

    private DisplayFilter filter = DisplayFilter.ALL;

    /** family -> type -> count, both sorted by name. */
    private final Map<String, Map<String, Long>> byType = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private long frames;
    private long messages;
    private long acks;
    private long malformed;

    @Override
    public Integer call() throws CliException, IOException {
        filter = displayFilter.filter();
        CliException damage = null;
        CaptureStats kernel;
        try (CaptureDecoding capture = CaptureDecoding.open(file, main.in(), main.dissectorSources())) {
            try {
                DecodedFrame df;
                while ((df = capture.next()) != null) {
                    count(df, capture.context());
                }
            } catch (CaptureFileException e) {
                damage = CaptureDecoding.fileError(e); // count what came before, then name the damage
            }
            kernel = capture.reader().metadata().stats();
        }
        print(main.out(), kernel, damage != null);
        if (damage != null) {
            main.out().flush();
            throw damage;
        }
        return Main.EXIT_OK;
    }

    private void count(DecodedFrame df, DecodeContext context) {
        if (!DisplayFilterOption.anyMatch(filter, df, context)) {
            return;
        }
        frames++;
        if (!df.problems().isEmpty()) {
            malformed++;
        }
        for (DecodedMessage m : df.messages()) {
            if (!filter.matches(df, m, context)) {
                continue;
            }
            messages++;
            String family = m.genl() != null
                    ? "NETLINK_GENERIC/" + (m.genl().family() != null ? m.genl().family() : "id " + m.genl().familyId())
                    : df.familyName() != null ? df.familyName() : "family " + df.family();
            String type = m.genl() != null
                    ? (m.genl().cmdName() != null ? m.genl().cmdName() : "cmd " + m.genl().cmd())
                    : m.typeName() != null ? m.typeName() : "unknown(" + m.header().type() + ")";
            byType.computeIfAbsent(family, k -> new TreeMap<>()).merge(type, 1L, Long::sum);
            ErrorInfo e = m.error();
            if (e != null) {
                if (e.isAck()) {
                    acks++;
                } else {
                    String name = (e.name() != null ? e.name() : String.valueOf(e.code()))
                            + (e.text() != null ? " (" + e.text() + ")" : "");
                    errors.merge(name, 1L, Long::sum);
                }
            }
            if (!m.problems().isEmpty()) {
                malformed++;
            }
        }
    }

    private void print(Writer out, CaptureStats kernel, boolean cutShort) throws IOException {
        out.write(TerminalText.escape(CaptureDecoding.isStdin(file) ? CaptureDecoding.STDIN_NAME : file.toString()) + ": " + frames + " frames, " + messages + " messages"
                + (filter.isAll() ? "" : " that pass -Y '" + filter.text() + "'")
                + (cutShort ? " (up to the damage below)" : "") + "\n");
        out.write("\nMessages by family and type:\n");
        for (var family : byType.entrySet()) {
            long total = family.getValue().values().stream().mapToLong(Long::longValue).sum();
            out.write(String.format("  %-48s %6d\n", TerminalText.escape(family.getKey()), total));
            for (var type : family.getValue().entrySet()) {
                out.write(String.format("    %-46s %6d\n", TerminalText.escape(type.getKey()), type.getValue()));
            }
        }
        out.write(String.format("\nACKs: %d\n", acks));
        out.write("Errors by errno:" + (errors.isEmpty() ? " none" : "") + "\n");
        for (var e : errors.entrySet()) {
            out.write(String.format("  %-48s %6d\n", TerminalText.escape(e.getKey()), e.getValue()));
        }
        if (malformed > 0) {
            out.write("Malformed frames or messages: " + malformed + "\n");
        }
        if (!kernel.equals(CaptureStats.NONE)) {
            out.write("Kernel: " + kernel.packets() + " packets, " + kernel.drops() + " dropped, "
                    + kernel.queueFreezes() + " queue freezes\n");
        }
    }
}
