package org.nlscope.decode.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds netlink bytes for fixtures: little-endian integers and 4-byte aligned nlattrs. */
final class Nla {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Nla bytes() {
        return new Nla();
    }

    Nla u8(int v) {
        out.write(v);
        return this;
    }

    Nla u16(int v) {
        return u8(v & 0xff).u8(v >>> 8 & 0xff);
    }

    Nla u32(long v) {
        return u16((int) (v & 0xffff)).u16((int) (v >>> 16 & 0xffff));
    }

    Nla u64(long v) {
        return u32(v & 0xffffffffL).u32(v >>> 32);
    }

    Nla raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Nla hex(String hex) {
        String h = hex.replaceAll("[\\s:]", "");
        for (int i = 0; i < h.length(); i += 2) {
            out.write(Integer.parseInt(h.substring(i, i + 2), 16));
        }
        return this;
    }

    Nla zeros(int n) {
        out.writeBytes(new byte[n]);
        return this;
    }

    /** An nlattr with this payload, padded to 4 bytes. */
    Nla attr(int type, byte[] payload) {
        u16(4 + payload.length).u16(type).raw(payload);
        return zeros((4 - payload.length % 4) % 4);
    }

    Nla attr(int type, Nla payload) {
        return attr(type, payload.build());
    }

    Nla attrU8(int type, int v) {
        return attr(type, bytes().u8(v));
    }

    Nla attrU16(int type, int v) {
        return attr(type, bytes().u16(v));
    }

    Nla attrU32(int type, long v) {
        return attr(type, bytes().u32(v));
    }

    Nla attrU64(int type, long v) {
        return attr(type, bytes().u64(v));
    }

    Nla attrString(int type, String s) {
        return attr(type, bytes().raw(s.getBytes(StandardCharsets.UTF_8)).u8(0));
    }

    Nla flag(int type) {
        return attr(type, new byte[0]);
    }

    Nla nest(int type, Nla children) {
        return attr(type | 0x8000, children);
    }

    byte[] build() {
        return out.toByteArray();
    }

    int size() {
        return out.size();
    }
}
