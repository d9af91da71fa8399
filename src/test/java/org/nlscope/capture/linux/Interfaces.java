package org.nlscope.capture.linux;

import org.nlscope.nativeio.ErrnoException;
import org.nlscope.nativeio.LibC;

/** Interface names to indexes, for the ring tests (nlscope itself names links from its rtnetlink snapshot). */
final class Interfaces {
    private Interfaces() {
    }

    /** The index of a named interface; ErrnoException ENODEV when there is none. */
    static int index(String name) {
        return ErrnoException.checkNonZero("if_nametoindex(" + name + ")", LibC.if_nametoindex(name));
    }
}
