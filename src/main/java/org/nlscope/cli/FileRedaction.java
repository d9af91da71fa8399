package org.nlscope.cli;

import org.nlscope.capture.CaptureSource;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.session.redact.Redactor;

/** The redaction of frames on their way to the file: decoded in arrival order, with their own context. */
final class FileRedaction {
    private final FrameDecoder decoder;
    private final Redactor redactor;
    private DecodeContext context = DecodeContext.empty();
    private int number;

    FileRedaction(DissectorRegistry registry) {
        this.decoder = new FrameDecoder(registry);
        this.redactor = new Redactor(registry, false, true);
    }

    Frame apply(Frame frame, CaptureSource capture) {
        if (number == 0) {
            context = context.withMetadata(capture.metadata());   // the genl snapshot names the families
        }
        DecodedFrame df = decoder.decode(frame, ++number, context);
        context = ContextLearner.learn(context, df);
        return redactor.apply(df);
    }
}
