package org.nlscope.nativeio;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * One classic BPF instruction.
 * <pre>
 * struct sock_filter {  // linux/filter.h, 8 bytes
 *     __u16 code;       // 0  BPF_LD|BPF_H|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_RET|BPF_K ...
 *     __u8  jt;         // 2  instructions to skip when true
 *     __u8  jf;         // 3  instructions to skip when false
 *     __u32 k;          // 4  operand
 * };
 * </pre>
 */
@FieldOrder({"code", "jt", "jf", "k"})
public class SockFilter extends Structure {
    public short code;
    public byte jt;
    public byte jf;
    public int k;
}
