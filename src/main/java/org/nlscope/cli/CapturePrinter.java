package org.nlscope.cli;

import java.io.Writer;
import org.nlscope.capture.CaptureSource;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.FrameStream;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.redact.Redactor;

/** Decodes frames in order, learning the capture's context, and prints them as 'read' does. */
final class CapturePrinter {
    private final FrameStream stream;
    private final OutputFormat format;
    private final DisplayFilter filter;
    private final CaptureSource capture;
    private final Writer out;
    private final Redactor masking;
    /** How often an unknown port makes the printer ask the capture for its port map again. */
    static final long METADATA_NANOS = 200_000_000L;

    private long lastMetadata = System.nanoTime();

    CapturePrinter(FrameDecoder decoder, OutputFormat format, DisplayFilter filter, Redactor masking, CaptureSource capture, Writer out) {
        this.stream = new FrameStream(new EngineDecoding(decoder, DissectorRegistry.empty()));
        this.format = format;
        this.filter = filter;
        this.masking = masking;
        this.capture = capture;
        this.out = out;
        stream.addMetadata(capture.metadata());
    }

    void print(Frame f) {
        DecodedFrame df = stream.decode(f, masking == null ? null : masking::apply);
        DecodeContext decodedWith = stream.context();
        DecodeContext context = decodedWith;
        long now = System.nanoTime();
        if (now - lastMetadata > METADATA_NANOS
                && df.messages().stream().anyMatch(m -> m.header().pid() != 0 && decodedWith.process(m.header().pid()) == null)) {
            // the port map may know it by now; asked at most every METADATA_NANOS (a port may never be placed)
            CaptureMetadata known = capture.metadata();
            stream.addMetadata(known);
            context = context.withMetadata(known);
            lastMetadata = now;
        }
        format.write(df, context, out, filter);
    }
}
