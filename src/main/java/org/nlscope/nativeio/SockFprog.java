package org.nlscope.nativeio;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The program given to SO_ATTACH_FILTER.
 * <pre>
 * struct sock_fprog {              // linux/filter.h, 16 bytes on 64-bit
 *     unsigned short      len;     // 0  number of instructions
 *     struct sock_filter *filter;  // 8
 * };
 * </pre>
 */
@FieldOrder({"len", "filter"})
public class SockFprog extends Structure {
    public short len;
    public Pointer filter;
}
