package org.nlscope.dissect.sockdiag;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * INET_DIAG_REQ_BYTECODE, the filter ss compiles from an expression: a program of
 * struct inet_diag_bc_op, each followed by its operand, each op's {@code yes} its
 * length (the kernel's inet_diag_bc_audit walks it the same way). Shown as a list
 * of ops with their operands: a port, an address/prefix, an interface, a mark.
 */
public final class InetDiagBytecode implements ValueDecoder {
    private static final int OP = 4;

    @Override
    public String name() {
        return "inet-diag-bytecode";
    }

    @Override
    public Result decode(ByteView p, SpecDecoding decoding) {
        List<Field> ops = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        String problem = null;
        int pos = p.start();
        while (pos < p.end()) {
            if (!p.has(pos, OP)) {
                problem = (p.end() - pos) + " bytes left over after " + ops.size() + " ops";
                break;
            }
            int yes = p.u8(pos + 1);
            if (yes < OP || yes % OP != 0 || !p.has(pos, yes)) {
                problem = "op " + ops.size() + " at offset " + pos + " has length (yes) " + yes;
                break;
            }
            List<Field> members = new ArrayList<>(decoding.struct("inet-diag-bc-op", p.slice(pos, OP)));
            String operand = operand(p, p.u8(pos), pos + OP, yes - OP, decoding, members);
            String display = members.get(0).display() + (operand.isEmpty() ? "" : " " + operand);
            shown.add(display);
            ops.add(Field.parent("inet_diag_bc_op", -1, display, pos, yes, false, members));
            pos += yes;
        }
        return Result.ofChildren(ops, String.join(", ", shown), problem);
    }

    /** Adds the operand's members after the op's own; returns its short form. */
    private static String operand(ByteView p, int code, int at, int length, SpecDecoding decoding, List<Field> out) {
        switch (code) {
            case 2, 3, 4, 5, 11, 12 -> { // S_GE S_LE D_GE D_LE S_EQ D_EQ: the port is the next op's "no"
                if (length >= OP) {
                    int port = p.u16(at + 2);
                    out.add(Field.member("port", (long) port, Integer.toString(port), at, OP));
                    return Integer.toString(port);
                }
            }
            case 7, 8 -> { // S_COND D_COND: struct inet_diag_hostcond, then the address
                int size = decoding.structSize("inet-diag-hostcond");
                if (length >= size) {
                    List<Field> cond = decoding.struct("inet-diag-hostcond", p.slice(at, size));
                    out.addAll(cond);
                    int addrLength = length - size;
                    String addr = "*";
                    if (addrLength == 4 || addrLength == 16) {
                        List<Field> a = decoding.struct(addrLength == 4 ? "inet-diag-addr4" : "inet-diag-addr6",
                                p.slice(at + size, addrLength));
                        out.addAll(a);
                        addr = a.get(0).display();
                    }
                    long port = p.s32(at + 4);
                    // family AF_UNSPEC: any address (ss writes "*:port")
                    String where = p.u8(at) == 0 ? "*" : addr + "/" + p.u8(at + 1);
                    return where + (port == -1 ? "" : " port " + port);
                }
            }
            case 9 -> { // DEV_COND: an interface index
                if (length >= 4) {
                    long ifindex = p.u32(at);
                    out.add(Field.member("ifindex", ifindex, Long.toString(ifindex), at, 4));
                    return "ifindex " + ifindex;
                }
            }
            case 10 -> { // MARK_COND: struct inet_diag_markcond
                if (length >= 8) {
                    List<Field> mark = decoding.struct("inet-diag-markcond", p.slice(at, 8));
                    out.addAll(mark);
                    return decoding.structDisplay(mark);
                }
            }
            case 13 -> { // CGROUP_COND: a cgroup v2 id
                if (length >= 8) {
                    long id = p.u64(at);
                    out.add(Field.member("cgroup_id", id, Long.toUnsignedString(id), at, 8));
                    return "cgroup " + Long.toUnsignedString(id);
                }
            }
            default -> {
                return "";
            }
        }
        return "";
    }
}
