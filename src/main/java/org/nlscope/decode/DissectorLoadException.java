package org.nlscope.decode;

/** A dissector file that cannot be used; the message is one line naming the file and the place in it. */
public class DissectorLoadException extends RuntimeException {
    public DissectorLoadException(String message) {
        super(message);
    }

    public DissectorLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
