package org.nlscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.pcap.CaptureWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code nlscope convert IN OUT}: copies the netlink frames of a capture into pcap or pcapng. */
@Command(name = "convert",
        description = {"Copies a capture into another file format, frames and timestamps exact.",
                "OUT ending in .pcap is written as pcap, anything else as pcapng.",
                "nlscope's metadata (generic netlink families, processes) is kept in pcapng."})
final class ConvertCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "IN", description = "The capture to read (pcap or pcapng); - reads standard input.")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write; - writes pcapng to standard output.")
    private Path out;

    @Override
    public Integer call() throws CliException {
        boolean toStdout = CaptureDecoding.isStdin(out);
        if (!toStdout && Files.exists(out) && sameFile(in, out)) {
            throw new CliException(out + ": is the input file; write to another file", Main.EXIT_USAGE);
        }
        CaptureFormat format = toStdout ? CaptureFormat.PCAPNG : CaptureFormat.forFileName(out.getFileName().toString());
        long frames = 0;
        try (CaptureReader reader = CaptureDecoding.openReader(in, main.in());
             CaptureWriter writer = create(format)) {
            CaptureMetadata written = CaptureMetadata.EMPTY;
            try {
                Frame f;
                while ((f = reader.next()) != null) {
                    // metadata goes out where it was found, before the frames that decode with it
                    written = carryMetadata(reader, writer, written);
                    writer.write(f);
                    frames++;
                }
                carryMetadata(reader, writer, written);
            } catch (CaptureFileException e) {
                throw new CliException(Errors.oneLine(e.getMessage()) + " (the " + frames + " frames before it are in "
                        + out + ")", Main.EXIT_FILE);
            }
        } catch (IOException e) {
            throw new CliException(out + ": cannot write: " + Errors.oneLine(e.getMessage()), Main.EXIT_FILE);
        }
        return Main.EXIT_OK;
    }

    private CaptureWriter create(CaptureFormat format) throws CliException {
        try {
            return CaptureDecoding.isStdin(out) ? CaptureWriter.create(main.rawOut(), format) : CaptureWriter.create(out, format);
        } catch (IOException e) {
            throw new CliException(out + ": cannot create: " + Errors.oneLine(String.valueOf(e.getMessage())), Main.EXIT_FILE);
        }
    }

    private static CaptureMetadata carryMetadata(CaptureReader reader, CaptureWriter writer, CaptureMetadata written)
            throws IOException {
        CaptureMetadata seen = reader.metadata();
        if (seen.isEmpty() || seen.equals(written)) {
            return written;
        }
        writer.writeMetadata(seen);
        return seen;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
