package org.nlscope.capture.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.nlscope.nativeio.SockFilter;

/**
 * A classic BPF program that keeps packets whose sll_protocol is in a set: on an nlmon
 * device that is the netlink family, so {@code --family route,generic} is decided in the
 * kernel and the other families are never copied into the ring.
 *
 * <pre>
 *   ld  skb->protocol          ; BPF_LD|BPF_H|BPF_ABS, k = SKF_AD_OFF + SKF_AD_PROTOCOL
 *   jeq #p1, keep              ; one per protocol
 *   ...
 *   ret #0                     ; drop
 * keep:
 *   ret #0x40000               ; keep up to 256 KiB
 * </pre>
 */
public final class ProtocolFilter {
    // linux/filter.h and linux/bpf_common.h
    static final int BPF_LD = 0x00;
    static final int BPF_JMP = 0x05;
    static final int BPF_RET = 0x06;
    static final int BPF_H = 0x08;
    static final int BPF_ABS = 0x20;
    static final int BPF_JEQ = 0x10;
    static final int BPF_K = 0x00;
    static final int SKF_AD_OFF = -0x1000;
    static final int SKF_AD_PROTOCOL = 0;
    static final int KEEP_BYTES = 0x40000;
    /** jt and jf are 8 bits: one jump over at most 255 instructions. */
    static final int MAX_PROTOCOLS = 255;

    /** One instruction, before it becomes a struct sock_filter. */
    public record Insn(int code, int jt, int jf, int k) {
    }

    private ProtocolFilter() {
    }

    /** The program keeping these protocols; empty (no filter) when the set is empty. */
    public static List<Insn> program(Set<Integer> protocols) {
        if (protocols.isEmpty()) {
            return List.of();
        }
        if (protocols.size() > MAX_PROTOCOLS) {
            throw new IllegalArgumentException("at most " + MAX_PROTOCOLS + " protocols in one filter");
        }
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(protocols));
        List<Insn> p = new ArrayList<>();
        p.add(new Insn(BPF_LD | BPF_H | BPF_ABS, 0, 0, SKF_AD_OFF + SKF_AD_PROTOCOL));
        int n = sorted.size();
        for (int i = 0; i < n; i++) {
            // true: skip the rest of the tests and the drop to reach keep
            p.add(new Insn(BPF_JMP | BPF_JEQ | BPF_K, n - i, 0, sorted.get(i)));
        }
        p.add(new Insn(BPF_RET | BPF_K, 0, 0, 0));
        p.add(new Insn(BPF_RET | BPF_K, 0, 0, KEEP_BYTES));
        return p;
    }

    /** The program as struct sock_filter values for SO_ATTACH_FILTER. */
    public static List<SockFilter> compile(Set<Integer> protocols) {
        List<SockFilter> out = new ArrayList<>();
        for (Insn i : program(protocols)) {
            SockFilter f = new SockFilter();
            f.code = (short) i.code();
            f.jt = (byte) i.jt();
            f.jf = (byte) i.jf();
            f.k = i.k();
            out.add(f);
        }
        return out;
    }
}
