package org.nlscope.capture.linux;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.NetlinkMessageBuilder;
import org.nlscope.decode.NlAttr;
import org.nlscope.nativeio.ErrnoException;
import org.nlscope.nativeio.LibC;
import org.nlscope.nativeio.NativeSocket;
import org.nlscope.nativeio.SockaddrNl;

/**
 * A netlink socket that sends one request at a time and reads its answer: an ACK, an
 * error (with the extended ACK's message), or the parts of a dump up to NLMSG_DONE.
 * Never blocks for ever: the kernel answers at once, so a long silence is an error.
 */
final class NetlinkClient implements AutoCloseable {
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLM_F_REQUEST = 0x01;
    static final int NLM_F_ACK = 0x04;
    static final int NLM_F_DUMP = 0x300;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;
    static final int NLM_F_CAPPED = 0x100;
    static final int NLM_F_ACK_TLVS = 0x200;
    static final int NLMSGERR_ATTR_MSG = 1;
    private static final int ANSWER_TIMEOUT_MS = 5000;

    private final NativeSocket socket;
    private final byte[] buffer = new byte[1 << 18];
    private int seq = (int) (System.nanoTime() & 0x7fffffff);

    private NetlinkClient(NativeSocket socket) {
        this.socket = socket;
    }

    /** Opens and binds a socket of a netlink family, asking for extended ACKs and capped echoes. */
    static NetlinkClient open(int protocol, String name) {
        NativeSocket s = NativeSocket.open(name, LibC.AF_NETLINK, LibC.SOCK_RAW, protocol);
        try {
            s.bind(new SockaddrNl());
            s.setInt(LibC.SOL_NETLINK, LibC.NETLINK_EXT_ACK, "NETLINK_EXT_ACK", 1);
            s.setInt(LibC.SOL_NETLINK, LibC.NETLINK_CAP_ACK, "NETLINK_CAP_ACK", 1);
            return new NetlinkClient(s);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Sends a request (which must carry NLM_F_ACK) and waits for its ACK; replies
     * before the ACK (an RTM_GETLINK answer) go to each.
     *
     * @param what how an error names the request ("RTM_NEWLINK nlmon0")
     * @throws NetlinkError when the kernel refused it
     */
    void call(byte[] request, String what, Consumer<ByteView> each) {
        exchange(request, what, each);
    }

    void call(byte[] request, String what) {
        exchange(request, what, m -> { });
    }

    /** Sends a dump request (NLM_F_DUMP) and hands every reply message (nlmsghdr included) to each. */
    void dump(byte[] request, String what, Consumer<ByteView> each) {
        exchange(request, what, each);
    }

    /** A fresh nlmsg_seq for the next request. */
    int nextSeq() {
        return ++seq;
    }

    /** A builder for a request with the next sequence number. */
    NetlinkMessageBuilder request(int type, int flags) {
        return new NetlinkMessageBuilder(type, flags, nextSeq(), 0);
    }

    private void exchange(byte[] msg, String what, Consumer<ByteView> each) {
        ByteView request = ByteView.of(msg);
        long mySeq = request.u32(8);
        boolean dump = (request.u16(6) & NLM_F_DUMP) == NLM_F_DUMP;
        socket.send(msg, msg.length, new SockaddrNl());
        while (true) {
            int n = receive(what);
            ByteView all = ByteView.of(java.util.Arrays.copyOf(buffer, n));
            int pos = 0;
            while (pos + 16 <= n) {
                int len = (int) all.u32(pos);
                if (len < 16 || pos + len > n) {
                    throw new ErrnoException(what, ErrnoException.EINVAL, "malformed answer from the kernel");
                }
                int type = all.u16(pos + 4);
                long answerSeq = all.u32(pos + 8);
                ByteView m = all.slice(pos, len);
                pos += NlAttr.align(len);
                if (answerSeq != mySeq) {
                    continue;   // a late answer to an earlier request
                }
                if (type == NLMSG_ERROR) {
                    int code = m.s32(m.start() + 16);
                    if (code != 0) {
                        throw new NetlinkError(what, -code, extAckMessage(m));
                    }
                    if (!dump) {
                        return;
                    }
                } else if (type == NLMSG_DONE) {
                    int code = len >= 20 ? m.s32(m.start() + 16) : 0;
                    if (code < 0) {
                        throw new NetlinkError(what, -code, extAckMessage(m));
                    }
                    return;
                } else {
                    each.accept(m);
                }
            }
        }
    }

    private int receive(String what) {
        if (socket.poll(LibC.POLLIN, ANSWER_TIMEOUT_MS) == 0) {
            throw new ErrnoException(what, 110, "no answer from the kernel in " + ANSWER_TIMEOUT_MS + " ms");
        }
        return socket.receive(buffer, LibC.MSG_DONTWAIT);
    }

    /** NLMSGERR_ATTR_MSG of an NLMSG_ERROR or NLMSG_DONE, or null. */
    static String extAckMessage(ByteView m) {
        int flags = m.u16(m.start() + 6);
        if ((flags & NLM_F_ACK_TLVS) == 0) {
            return null;
        }
        int tlvs;
        if (m.u16(m.start() + 4) == NLMSG_DONE) {
            tlvs = m.start() + 20;
        } else {
            // int error, then the echoed request: its header only when capped
            int echoed = (flags & NLM_F_CAPPED) != 0 ? 16 : (int) m.u32(m.start() + 20);
            tlvs = m.start() + 20 + NlAttr.align(echoed);
        }
        if (tlvs > m.end()) {
            return null;
        }
        for (NlAttr a : AttrReader.read(new ByteView(m.data(), tlvs, m.end())).attributes()) {
            if (a.type() == NLMSGERR_ATTR_MSG) {
                String s = new String(m.data(), a.payloadOffset(), a.payloadLength(), StandardCharsets.UTF_8);
                int nul = s.indexOf('\0');
                return nul >= 0 ? s.substring(0, nul) : s;
            }
        }
        return null;
    }

    @Override
    public void close() {
        socket.close();
    }

}
