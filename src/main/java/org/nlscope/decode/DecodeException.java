package org.nlscope.decode;

/**
 * Thrown by bounds checks inside the decode engine; always caught there and turned
 * into a problem on the message, never seen by callers of {@link FrameDecoder}.
 */
public class DecodeException extends RuntimeException {
    public DecodeException(String message) {
        super(message, null, false, false);
    }
}
