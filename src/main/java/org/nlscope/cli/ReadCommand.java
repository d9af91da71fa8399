package org.nlscope.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.model.DecodedFrame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.redact.Redactor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code nlscope read [-V | --json | --fold] [-Y FILTER] [-c N] FILE}: every message of a capture, as it is read. */
@Command(name = "read",
        description = {"Decodes a pcap or pcapng capture of netlink traffic.",
                "Without options: one line per message:",
                "  FRAME TIME(UTC) DIR FAMILY TYPE FLAGS seq=SEQ port=PORT SUMMARY",
                "  DIR is > to the kernel, < from it."})
final class ReadCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "FILE", description = "The capture file (pcap or pcapng); - reads standard input.")
    private Path file;

    @ArgGroup(exclusive = true)
    private OutputFormat format = new OutputFormat();

    @Mixin
    private DisplayFilterOption displayFilter;

    @Option(names = "-c", paramLabel = "COUNT", description = "Stop after COUNT frames printed (that pass -Y).")
    private long count;

    @Option(names = "--fold", description = "Fold each ACK, error and NLMSG_DONE into its request's line: "
            + "'RTM_NEWLINK ... -> ACK 0.090 ms' (one-line output only).")
    private boolean fold;

    @Option(names = "--show-secrets", description = "Print keys and passwords as captured (by default they read as zeros).")
    private boolean showSecrets;

    @Override
    public Integer call() throws CliException, IOException {
        if (count < 0) {
            throw new CliException("-c needs a positive count, not " + count, Main.EXIT_USAGE);
        }
        DisplayFilter filter = displayFilter.filter();
        if (fold && (format.verbose || format.json)) {
            throw new CliException("--fold folds the one-line output; it does not go with -V or --json", Main.EXIT_USAGE);
        }
        Writer out = main.out();
        FoldedLines folded = fold ? new FoldedLines(out, filter) : null;
        DissectorRegistry registry = CaptureDecoding.registry(main.dissectorSources());
        // the plain one-line output reads only summaries and problems: the rest need not be decoded whole
        boolean linesOnly = !fold && !format.verbose && !format.json && filter.isAll();
        try (CaptureDecoding capture = linesOnly ? CaptureDecoding.openForSummaries(file, main.in(), registry)
                : CaptureDecoding.open(file, main.in(), registry)) {
            if (!showSecrets) {
                capture.maskingSecrets(Redactor.masking(registry));
            }
            try {
                DecodedFrame df;
                long printed = 0;
                while ((count == 0 || printed < count) && (df = capture.next()) != null) {
                    boolean wrote = folded != null ? folded.write(df, capture.context())
                            : format.write(df, capture.context(), out, filter);
                    if (wrote) {
                        printed++;
                    }
                }
                if (folded != null) {
                    folded.flush();
                }
            } catch (CaptureFileException e) {
                // what came before the damage is printed; then the damage is named
                if (folded != null) {
                    folded.flush();
                }
                out.flush();
                throw CaptureDecoding.fileError(e);
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
