package org.nlscope.cli;

import java.io.Writer;
import org.nlscope.capture.CaptureSource;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.redact.Redactor;

/** Decodes frames in order, learning the capture's context, and prints them as 'read' does. */
final class CapturePrinter {
    private final FrameDecoder decoder;
    private final OutputFormat format;
    private final DisplayFilter filter;
    private final CaptureSource capture;
    private final Writer out;
    private final Redactor masking;
    /** How often an unknown port makes the printer ask the capture for its port map again. */
    static final long METADATA_NANOS = 200_000_000L;

    private DecodeContext context;
    private int number;
    private long lastMetadata = System.nanoTime();

    CapturePrinter(FrameDecoder decoder, OutputFormat format, DisplayFilter filter, Redactor masking, CaptureSource capture, Writer out) {
        this.decoder = decoder;
        this.format = format;
        this.filter = filter;
        this.masking = masking;
        this.capture = capture;
        this.out = out;
        this.context = DecodeContext.empty().withMetadata(capture.metadata());
    }

    void print(Frame f) {
        DecodedFrame df = decoder.decode(f, ++number, context);
        if (masking != null) {
            Frame masked = masking.apply(df);
            if (masked != f) {
                df = decoder.decode(masked, number, context);
            }
        }
        long now = System.nanoTime();
        if (now - lastMetadata > METADATA_NANOS
                && df.messages().stream().anyMatch(m -> m.header().pid() != 0 && context.process(m.header().pid()) == null)) {
            // the port map may know it by now; asked at most every METADATA_NANOS (a port may never be placed)
            context = context.withMetadata(capture.metadata());
            lastMetadata = now;
        }
        format.write(df, context, out, filter);
        context = ContextLearner.learn(context, df);
    }
}
