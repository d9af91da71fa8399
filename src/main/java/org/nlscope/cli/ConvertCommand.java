package org.nlscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.redact.RedactionReport;
import org.nlscope.session.redact.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nlscope convert [-Y FILTER] IN OUT}: copies the netlink frames of a capture into pcap or pcapng. */
@Command(name = "convert",
        description = {"Copies a capture into another file format, frames and timestamps exact.",
                "OUT ending in .pcap is written as pcap, anything else as pcapng.",
                "nlscope's metadata (generic netlink families, processes) is kept in pcapng.",
                "With -Y, only the frames with a message that passes the filter are written.",
                "--redact makes a file safe to attach to a bug report: keys and passwords become zeros",
                "of the same length (the file still decodes), and a comment in it says what was redacted."})
final class ConvertCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--redact", description = "Replace secret attribute payloads (WireGuard, xfrm, 802.11, MACsec keys, "
            + "and what dissector files mark secret) with zeros of the same length.")
    private boolean redact;

    @Option(names = "--anonymize", description = "--redact, and also replace MAC and IP addresses with stable pseudonyms.")
    private boolean anonymize;

    @Parameters(index = "0", paramLabel = "IN", description = "The capture to read (pcap or pcapng); - reads standard input.")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write; - writes pcapng to standard output.")
    private Path out;

    @Mixin
    private DisplayFilterOption displayFilter;

    @Override
    public Integer call() throws CliException {
        DisplayFilter filter = displayFilter.filter();
        boolean toStdout = CaptureDecoding.isStdin(out);
        if (!toStdout && Files.exists(out) && sameFile(in, out)) {
            throw new CliException(out + ": is the input file; write to another file", Main.EXIT_USAGE);
        }
        CaptureFormat format = toStdout ? CaptureFormat.PCAPNG : CaptureFormat.forFileName(out.getFileName().toString());
        if (redact || anonymize) {
            return redacted(format, filter);
        }
        long frames = 0;
        // frames are decoded only to be filtered
        try (OutputFile file = toStdout ? null : OutputFile.create(out);
             CaptureDecoding decoding = filter.isAll() ? null
                    : CaptureDecoding.open(in, main.in(), main.dissectorSources());
             CaptureReader reader = decoding != null ? decoding.reader() : CaptureDecoding.openReader(in, main.in());
             CaptureWriter writer = create(format, List.of(), file)) {
            try {
                Frame f;
                while ((f = next(reader, decoding, filter, writer)) != null) {
                    // metadata goes out where it was found, before the frames that decode with it
                    carryMetadata(reader, writer);
                    if (frames == 0) {
                        writer.snapLength(reader.snapLength());
                    }
                    writer.write(f);
                    frames++;
                }
                carryMetadata(reader, writer);
            } catch (CaptureFileException e) {
                throw damaged(e, frames, writer, file);
            }
            finish(writer, file);
        } catch (IOException e) {
            throw new CliException(out + ": cannot write: " + Errors.oneLine(e.getMessage()), Main.EXIT_FILE);
        }
        return Main.EXIT_OK;
    }

    /** A complete output: the temporary file becomes OUT. */
    private void finish(CaptureWriter writer, OutputFile file) throws IOException, CliException {
        writer.close();
        if (file != null) {
            file.commit();
        }
        reportCut(writer);
    }

    /** A damaged input: what was read before the damage is kept, and the error says where it is. */
    private CliException damaged(CaptureFileException e, long frames, CaptureWriter writer, OutputFile file)
            throws IOException, CliException {
        writer.close();
        if (file != null) {
            file.commit();
        }
        return new CliException(Errors.oneLine(e.getMessage()) + " (the " + frames + " frames before it "
                + (file == null ? "were written" : "are in " + out) + ")", Main.EXIT_FILE);
    }

    /** pcap output cut frames longer than its snaplen: said once, as the file is still complete otherwise. */
    private void reportCut(CaptureWriter writer) {
        if (writer.cutFrames() > 0) {
            spec.commandLine().getErr().println("nlscope: " + writer.cutFrames() + " frames longer than "
                    + org.nlscope.model.Limits.DEFAULT_SNAPLEN + " bytes were cut to the pcap snaplen, the most tcpdump "
                    + "and Wireshark read (pcapng keeps them whole)");
        }
    }

    /** The next frame to write: the next one, or with a filter the next that has a message passing it. */
    private static Frame next(CaptureReader reader, CaptureDecoding decoding, DisplayFilter filter, CaptureWriter writer)
            throws CaptureFileException, IOException {
        if (decoding == null) {
            return reader.next();
        }
        DecodedFrame df;
        while ((df = decoding.next()) != null) {
            // the metadata before a frame left out is still written
            writeIfAny(decoding.newMetadata(), writer);
            if (DisplayFilterOption.anyMatch(filter, df, decoding.context())) {
                return df.frame();
            }
        }
        return null;
    }

    /**
     * Two passes over a file: the first finds what to redact, so the section header that
     * opens the output can say it; the second writes the redacted frames. Standard input
     * is read once, and the header then says only that the file was redacted.
     */
    private int redacted(CaptureFormat format, DisplayFilter filter) throws CliException {
        DissectorRegistry registry = CaptureDecoding.registry(main.dissectorSources());
        String comment;
        if (CaptureDecoding.isStdin(in)) {
            comment = RedactionReport.streamedComment(anonymize);
        } else {
            try (CaptureDecoding capture = CaptureDecoding.open(in, main.in(), registry)) {
                Redactor counting = new Redactor(registry, anonymize, false);
                DecodedFrame df;
                while ((df = capture.next()) != null) {
                    if (DisplayFilterOption.anyMatch(filter, df, capture.context())) {
                        counting.apply(df);
                    }
                }
                comment = counting.report().comment();
            } catch (CaptureFileException e) {
                throw CaptureDecoding.fileError(e);
            }
        }
        long frames = 0;
        RedactionReport report;
        try (OutputFile file = CaptureDecoding.isStdin(out) ? null : OutputFile.create(out);
             CaptureDecoding capture = CaptureDecoding.open(in, main.in(), registry);
             CaptureWriter writer = create(format, List.of(comment), file)) {
            Redactor redactor = new Redactor(registry, anonymize, true);
            try {
                DecodedFrame df;
                while ((df = capture.next()) != null) {
                    writeIfAny(capture.newMetadata(), writer);
                    if (!DisplayFilterOption.anyMatch(filter, df, capture.context())) {
                        continue;
                    }
                    if (frames == 0) {
                        writer.snapLength(capture.reader().snapLength());
                    }
                    writer.write(redactor.apply(df));
                    frames++;
                }
                carryMetadata(capture.reader(), writer);
                report = redactor.report();
            } catch (CaptureFileException e) {
                throw damaged(e, frames, writer, file);
            }
            finish(writer, file);
        } catch (IOException e) {
            throw new CliException(out + ": cannot write: " + Errors.oneLine(e.getMessage()), Main.EXIT_FILE);
        }
        spec.commandLine().getErr().println("nlscope: " + report.secretCount() + " secret values redacted"
                + (anonymize ? ", " + report.addressPlaces() + " addresses replaced" : "") + " in " + frames + " frames");
        return Main.EXIT_OK;
    }

    /** A writer to standard output (file null) or to the temporary file that becomes OUT when complete. */
    private CaptureWriter create(CaptureFormat format, List<String> sectionComments, OutputFile file) throws CliException {
        try {
            return file == null
                    ? CaptureWriter.create(main.rawOut(), format, CaptureWriter.DEFAULT_INTERFACE_NAME, sectionComments)
                    : CaptureWriter.create(file.temp(), format, CaptureWriter.DEFAULT_INTERFACE_NAME, sectionComments);
        } catch (IOException e) {
            throw new CliException(out + ": cannot create: " + OutputFile.reason(e, out.toAbsolutePath().getParent()),
                    Main.EXIT_FILE);
        }
    }

    /** What the reader found new goes out as its own block: readers merge blocks in file order. */
    private static void carryMetadata(CaptureReader reader, CaptureWriter writer) throws IOException {
        writeIfAny(reader.takeNewMetadata(), writer);
    }

    private static void writeIfAny(CaptureMetadata added, CaptureWriter writer) throws IOException {
        if (!added.isEmpty()) {
            writer.writeMetadata(added);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
