package org.nlscope.capture.linux;

import static org.nlscope.uapi.Netlink.NLMSG_DONE;
import static org.nlscope.uapi.Netlink.NLMSG_ERROR;
import static org.nlscope.uapi.Netlink.NLM_F_DUMP;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.NetlinkMessageBuilder;
import org.nlscope.decode.SocketReplies;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.nativeio.ErrnoException;
import org.nlscope.nativeio.LibC;
import org.nlscope.nativeio.NativeSocket;
import org.nlscope.nativeio.SockaddrNl;
import org.nlscope.uapi.Errno;
import org.nlscope.uapi.Netlink;

/**
 * A netlink socket that sends one request at a time and reads its answer, through the
 * decode engine ({@link SocketReplies}): an ACK, an error (with the extended ACK's message),
 * or the parts of a dump up to NLMSG_DONE.
 * Never blocks for ever: the kernel answers at once, so a long silence is an error.
 */
final class NetlinkClient implements AutoCloseable {
    private static final int ANSWER_TIMEOUT_MS = 5000;

    private final NativeSocket socket;
    private final int protocol;
    private final byte[] buffer = new byte[1 << 18];
    private int seq = (int) (System.nanoTime() & 0x7fffffff);

    private NetlinkClient(NativeSocket socket, int protocol) {
        this.socket = socket;
        this.protocol = protocol;
    }

    /** Opens and binds a socket of a netlink family, asking for extended ACKs and capped echoes. */
    static NetlinkClient open(int protocol, String name) {
        NativeSocket s = NativeSocket.open(name, LibC.AF_NETLINK, LibC.SOCK_RAW, protocol);
        try {
            s.bind(new SockaddrNl());
            s.setInt(LibC.SOL_NETLINK, Netlink.NETLINK_EXT_ACK, "NETLINK_EXT_ACK", 1);
            s.setInt(LibC.SOL_NETLINK, Netlink.NETLINK_CAP_ACK, "NETLINK_CAP_ACK", 1);
            return new NetlinkClient(s, protocol);
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

    /**
     * Sends a dump request and hands the decoded frame of every receive to each, holding
     * only this request's data messages (its NLMSG_DONE and errors are handled here).
     */
    void dumpFrames(byte[] request, String what, Consumer<DecodedFrame> each) {
        exchange(request, what, each, m -> { });
    }

    private void exchange(byte[] msg, String what, Consumer<ByteView> each) {
        exchange(msg, what, f -> { }, each);
    }

    /**
     * One request and its answers, read by the decode engine: it walks the nlmsghdrs,
     * decodes NLMSG_ERROR and NLMSG_DONE with their extended ACKs; answers to an earlier
     * request (another nlmsg_seq) are skipped.
     */
    private void exchange(byte[] msg, String what, Consumer<DecodedFrame> frames, Consumer<ByteView> each) {
        ByteView request = ByteView.of(msg);
        long mySeq = request.u32(8);
        boolean dump = (request.u16(6) & NLM_F_DUMP) == NLM_F_DUMP;
        socket.send(msg, msg.length, new SockaddrNl());
        while (true) {
            int n = receive(what);
            DecodedFrame frame = SocketReplies.decode(buffer, n, protocol);
            byte[] data = frame.frame().data();
            List<DecodedMessage> mine = new ArrayList<>();
            boolean finished = false;
            for (DecodedMessage m : frame.messages()) {
                NlMsgHeader h = m.header();
                if (h.length() < NlMsgHeader.SIZE || (long) m.offset() + h.length() > data.length) {
                    throw new ErrnoException(what, Errno.EINVAL, "malformed answer from the kernel");
                }
                if (h.seq() != mySeq || finished) {
                    continue;   // a late answer to an earlier request
                }
                if (h.type() == NLMSG_ERROR) {
                    ErrorInfo error = m.error();
                    if (error == null) {
                        throw new ErrnoException(what, Errno.EINVAL, "malformed answer from the kernel");
                    }
                    if (error.code() != 0) {
                        throw new NetlinkError(what, -error.code(), error.message());
                    }
                    finished = !dump;
                } else if (h.type() == NLMSG_DONE) {
                    int code = doneCode(m);
                    if (code < 0) {
                        throw new NetlinkError(what, -code, doneMessage(m));
                    }
                    finished = true;
                } else {
                    mine.add(m);
                    each.accept(new ByteView(data, m.offset(), m.offset() + h.length()));
                }
            }
            if (!mine.isEmpty()) {
                frames.accept(new DecodedFrame(frame.number(), frame.frame(), frame.family(), frame.familyName(),
                        frame.direction(), frame.directionInferred(), mine, frame.problems()));
            }
            if (finished) {
                return;
            }
        }
    }

    /** The error code an NLMSG_DONE carries (0 when it has none). */
    private static int doneCode(DecodedMessage done) {
        for (Field f : done.fixedHeader()) {
            if ("error".equals(f.name()) && f.value() instanceof Long code) {
                return (int) (long) code;
            }
        }
        return 0;
    }

    /** NLMSGERR_ATTR_MSG of an NLMSG_DONE, or null. */
    private static String doneMessage(DecodedMessage done) {
        Field f = done.attribute("NLMSGERR_ATTR_MSG");
        return f != null && f.value() instanceof String text ? text : null;
    }

    private int receive(String what) {
        if (socket.poll(LibC.POLLIN, ANSWER_TIMEOUT_MS) == 0) {
            throw new ErrnoException(what, 110, "no answer from the kernel in " + ANSWER_TIMEOUT_MS + " ms");
        }
        return socket.receive(buffer, LibC.MSG_DONTWAIT);
    }

    @Override
    public void close() {
        socket.close();
    }

}
