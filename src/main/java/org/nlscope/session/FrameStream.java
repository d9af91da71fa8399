package org.nlscope.session;

import java.util.function.Function;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;

/**
 * A capture's frames in order, each decoded with what the frames and metadata before it taught
 * (generic netlink ids, interface names, port owners), and each then teaching the next: the one
 * place that numbers frames and carries the context from one to the next. The store feeds it
 * what its index read of a frame ({@link #skip}); a reader that prints feeds it whole frames
 * ({@link #decode}).
 *
 * <p>Not thread-safe: one thread feeds it.
 */
public final class FrameStream {
    private final FrameDecoding decoding;
    private DecodeContext next = DecodeContext.empty();
    private DecodeContext last = next;
    private int frames;

    public FrameStream(FrameDecoding decoding) {
        this.decoding = decoding;
    }

    /** What a capture knows beyond its frames (a pcapng's genl snapshot, port owners), read before the next frame. */
    public void addMetadata(CaptureMetadata more) {
        if (!more.isEmpty()) {
            next = next.withMetadata(more);
        }
    }

    /** The next frame, decoded; the context learns from it. */
    public DecodedFrame decode(Frame frame) {
        return decode(frame, null);
    }

    /**
     * The next frame, decoded; when {@code rewrite} gives another frame for it (its secrets
     * zeroed), that one is decoded instead, with the same context, and taught from.
     */
    public DecodedFrame decode(Frame frame, Function<DecodedFrame, Frame> rewrite) {
        last = next;
        frames++;
        DecodedFrame decoded = decoding.decode(frames, frame, last);
        if (rewrite != null) {
            Frame other = rewrite.apply(decoded);
            if (other != frame) {
                decoded = decoding.decode(frames, other, last);
            }
        }
        next = decoding.learn(last, decoded);
        return decoded;
    }

    /**
     * The next frame, not decoded: the context learns from what an index read of it
     * ({@code headers}: its family, bytes and nlmsghdrs; null when its family teaches nothing).
     * Returns the context the frame decodes with.
     */
    public DecodeContext skip(DecodedFrame headers) {
        last = next;
        frames++;
        if (headers != null) {
            next = decoding.learn(last, headers);
        }
        return last;
    }

    /** The context the last frame was decoded with (what names its ports). */
    public DecodeContext context() {
        return last;
    }

    /** What the capture taught so far: the context the next frame decodes with. */
    public DecodeContext nextContext() {
        return next;
    }

    /** How many frames went through: the last one's number. */
    public int frames() {
        return frames;
    }
}
