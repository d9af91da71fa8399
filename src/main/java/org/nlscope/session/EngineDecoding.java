package org.nlscope.session;

import java.nio.file.Path;
import java.util.List;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;

/** {@link FrameDecoding} by the decode engine: {@link FrameDecoder} and {@link ContextLearner}. */
public final class EngineDecoding implements FrameDecoding {
    private final FrameDecoder decoder;
    private final DissectorRegistry registry;

    public EngineDecoding(DissectorRegistry registry) {
        this(new FrameDecoder(registry), registry);
    }

    /** Decoding by a given decoder (one made for summaries, say); {@code registry} is what {@link #registry()} says. */
    public EngineDecoding(FrameDecoder decoder, DissectorRegistry registry) {
        this.decoder = decoder;
        this.registry = registry;
    }

    /**
     * For output that shows each message's one-line summary and problems only: fields that no
     * summary names come without values ({@link FrameDecoder#forSummaries}).
     */
    public static EngineDecoding forSummaries(DissectorRegistry registry) {
        return new EngineDecoding(FrameDecoder.forSummaries(registry), registry);
    }

    @Override
    public DissectorRegistry registry() {
        return registry;
    }

    /** Every dissector found on the class path, plus those in the user's directories. */
    public static EngineDecoding load(List<Path> userDirectories) {
        return new EngineDecoding(DissectorRegistry.load(userDirectories));
    }

    @Override
    public DecodedFrame decode(int number, Frame frame, DecodeContext context) {
        return decoder.decode(frame, number, context);
    }

    @Override
    public boolean mayTeach(int family, int type, int flags) {
        return ContextLearner.mayTeach(family, type, flags);
    }

    @Override
    public DecodeContext learn(DecodeContext before, DecodedFrame decoded) {
        return ContextLearner.learn(before, decoded);
    }
}
