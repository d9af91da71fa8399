package org.nlscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.decode.TestFrames.decode;
import static org.nlscope.decode.TestFrames.frame;
import static org.nlscope.decode.TestFrames.hex;
import static org.nlscope.decode.TestFrames.newLink;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.uapi.Netlink;

class FrameDecoderTest {

    /** RTM_NEWLINK dum0 mtu 1400 type dummy, as `ip link add dum0 mtu 1400 type dummy` sends it, in a tcpdump frame. */
    static final String NEWLINK_FRAME = """
            0004 0338 0000 0000 0000 0000 0000 0000
            44000000 1000 0506 01000000 00000000
            00 00 0000 00000000 00000000 00000000
            0900 0300 64756d30 00 000000
            0800 0400 78050000
            1000 1200 0a00 0100 64756d6d7900 0000
            """;

    @Test
    void decodesEveryPartOfARequestFromHex() {
        DecodedFrame f = decode(Frame.of(0, LinkType.NETLINK, hex(NEWLINK_FRAME)));
        assertEquals(List.of(), f.problems());
        assertEquals(0, f.family());
        assertEquals("NETLINK_ROUTE", f.familyName());
        assertEquals(Direction.TO_KERNEL, f.direction());
        assertTrue(f.directionInferred(), "packet type 4 says nothing of direction");
        assertEquals(1, f.messages().size());
        DecodedMessage m = f.messages().get(0);
        assertEquals(16, m.offset());
        assertEquals(68, m.header().length());
        assertEquals("RTM_NEWLINK", m.typeName());
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_ACK", "NLM_F_EXCL", "NLM_F_CREATE"), m.flagNames());
        assertEquals(1, m.header().seq());
        assertEquals("RTM_NEWLINK dum0 mtu 1400", m.summary());
        assertEquals(5, m.fixedHeader().size());
        Field name = m.attribute("IFLA_IFNAME");
        assertEquals("dum0", name.value());
        assertEquals(48, name.offset(), "offsets count from the frame's start");
        assertEquals(9, name.length());
        assertEquals(1400L, m.attribute("IFLA_MTU").value());
        Field kind = m.attribute("IFLA_LINKINFO").child("IFLA_INFO_KIND");
        assertEquals("dummy", kind.value());
        assertEquals(72, kind.offset());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void builderOutputEqualsTheHexFixture() {
        assertEquals(Arrays.toString(hex(NEWLINK_FRAME)),
                Arrays.toString(frame(CookedHeader.PACKET_OUTGOING, 0, newLink("dum0", 1400, "dummy", 1)).data()));
    }

    @Test
    void decodesSeveralMessagesPerFrameAtFourByteAlignment() {
        byte[] a = newLink("a", 1500, "dummy", 1); // IFLA_IFNAME "a\0" makes the attribute 6 bytes, padded to 8
        byte[] b = newLink("bb", 9000, "veth", 2);
        DecodedFrame f = decode(0, a, b);
        assertEquals(2, f.messages().size());
        assertEquals(16, f.messages().get(0).offset());
        assertEquals(16 + NlAttr.align(a.length), f.messages().get(1).offset());
        assertEquals("bb", f.messages().get(1).attribute("IFLA_IFNAME").value());
        assertEquals(2, f.messages().get(1).header().seq());
        assertEquals(List.of(), f.problems());
    }

    @Test
    void aLyingLengthStopsTheFrameButKeepsEarlierMessages() {
        byte[] good = newLink("dum0", 1400, "dummy", 1);
        byte[] liar = newLink("dum1", 1400, "dummy", 2);
        liar[0] = (byte) 0xf0; // nlmsg_len 240 in a 68-byte message
        byte[] never = newLink("dum2", 1400, "dummy", 3);
        DecodedFrame f = decode(0, good, liar, never);
        assertEquals(2, f.messages().size(), "nothing after a lying length is trusted");
        assertEquals(List.of(), f.messages().get(0).problems());
        DecodedMessage m = f.messages().get(1);
        assertEquals("nlmsg_len 240 at offset 84 but only 136 bytes remain", m.problems().get(0));
        assertEquals("RTM_NEWLINK", m.typeName(), "the header still decodes");
    }

    @Test
    void aLengthShorterThanTheHeaderStopsTheFrame() {
        byte[] bad = newLink("dum0", 1400, "dummy", 1);
        bad[0] = 8;
        DecodedFrame f = decode(0, newLink("ok", 1, "dummy", 0), bad);
        assertEquals(2, f.messages().size());
        assertEquals("nlmsg_len 8 at offset 80 is less than the 16-byte header", f.messages().get(1).problems().get(0));
        assertTrue(f.messages().get(1).attributes().isEmpty());
    }

    @Test
    void aLengthBeyondFourGigabytesIsReportedAsUnsigned() {
        byte[] bad = newLink("dum0", 1400, "dummy", 1);
        bad[0] = bad[1] = bad[2] = bad[3] = (byte) 0xff;
        DecodedMessage m = decode(0, bad).messages().get(0);
        assertEquals("nlmsg_len 4294967295 at offset 16 but only 68 bytes remain", m.problems().get(0));
        assertEquals("dum0", m.attribute("IFLA_IFNAME").value(), "what is there still decodes");
    }

    @Test
    void trailingBytesTooShortForAHeader() {
        byte[] msg = newLink("dum0", 1400, "dummy", 1);
        byte[] garbage = {1, 2, 3, 4, 5, 6, 7, 8};
        DecodedFrame f = decode(0, msg, garbage);
        assertEquals(1, f.messages().size());
        assertEquals(List.of("8 trailing bytes at offset 84 are too short for a nlmsghdr"), f.problems());
        assertEquals(List.of(), decode(0, msg, new byte[8]).problems(), "zero padding is not a problem");
    }

    @Test
    void aFrameTruncatedByTheCaptureSaysSo() {
        byte[] full = frame(0, newLink("dum0", 1400, "dummy", 1)).data();
        byte[] cut = Arrays.copyOf(full, 60);
        DecodedFrame f = decode(new Frame(0, LinkType.NETLINK, cut, full.length, 4, null));
        assertEquals(List.of("frame truncated by the capture: 60 of 84 bytes"), f.problems());
        DecodedMessage m = f.messages().get(0);
        assertEquals("message truncated by the capture: nlmsg_len 68 at offset 16 but only 44 bytes remain", m.problems().get(0));
        assertEquals("dum0", m.attribute("IFLA_IFNAME").value());
    }

    @Test
    void aFrameShorterThanItsCookedHeader() {
        DecodedFrame f = decode(Frame.of(0, LinkType.NETLINK, new byte[10]));
        assertEquals(List.of("frame of 10 bytes is shorter than its 16-byte cooked header"), f.problems());
        assertTrue(f.messages().isEmpty());
        assertEquals(Direction.UNKNOWN, f.direction());
    }

    @Test
    void aLinuxSllFrameThatIsNotNetlink() {
        byte[] data = frame(0, newLink("dum0", 1400, "dummy", 1)).data();
        data[2] = 0;
        data[3] = 1; // ARPHRD_ETHER
        DecodedFrame f = decode(Frame.of(0, LinkType.LINUX_SLL, data));
        assertEquals(List.of("not a netlink frame: ARPHRD type 1, expected 824"), f.problems());
        assertTrue(f.messages().isEmpty());
    }

    @Test
    void anEmptyFrameHasNoDirection() {
        DecodedFrame f = decode(frame(0));
        assertTrue(f.messages().isEmpty());
        assertEquals(Direction.UNKNOWN, f.direction());
        assertFalse(f.directionInferred());
    }

    @Test
    void packetTypesUserAndKernelGiveTheDirection() {
        byte[] reply = new NetlinkMessageBuilder(16, 0, 1, 1234).fixed(new byte[16]).build();
        DecodedFrame toKernel = decode(frame(CookedHeader.PACKET_USER, 0, reply));
        assertEquals(Direction.TO_KERNEL, toKernel.direction());
        assertFalse(toKernel.directionInferred());
        DecodedFrame fromKernel = decode(frame(CookedHeader.PACKET_KERNEL, 0, newLink("x", 1, "dummy", 1)));
        assertEquals(Direction.FROM_KERNEL, fromKernel.direction(), "the packet type wins over NLM_F_REQUEST");
        assertFalse(fromKernel.directionInferred());
        DecodedFrame inferred = decode(frame(CookedHeader.PACKET_OUTGOING, 0, reply));
        assertEquals(Direction.FROM_KERNEL, inferred.direction());
        assertTrue(inferred.directionInferred());
    }

    @Test
    void theFramesOwnPacketTypeFromALiveCaptureWins() {
        Frame cooked4 = frame(CookedHeader.PACKET_OUTGOING, 0, newLink("x", 1, "dummy", 1));
        Frame live = new Frame(0, LinkType.NETLINK, cooked4.data(), cooked4.data().length, CookedHeader.PACKET_KERNEL, null);
        assertEquals(Direction.FROM_KERNEL, decode(live).direction());
    }

    @Test
    void aFamilyWithoutDissectorShowsRawAttributes() {
        byte[] msg = new NetlinkMessageBuilder(0x10, 1, 7, 0)
                .attrU32(5, 0xdeadbeefL)
                .beginNest(9 | Netlink.NLA_F_NESTED).attrString(1, "inner").endNest()
                .build();
        DecodedFrame f = decode(Netlink.NETLINK_XFRM, msg);
        assertEquals("NETLINK_XFRM", f.familyName());
        DecodedMessage m = f.messages().get(0);
        assertNull(m.typeName());
        assertEquals("type 16", m.summary());
        assertEquals(List.of("NLM_F_REQUEST"), m.flagNames());
        assertEquals(2, m.attributes().size());
        Field u32 = m.attributes().get(0);
        assertNull(u32.name());
        assertEquals(5, u32.type());
        assertEquals("efbeadde", u32.value());
        assertFalse(u32.nested());
        Field nest = m.attributes().get(1);
        assertEquals(9, nest.type(), "NLA_F_NESTED is masked off the type");
        assertTrue(nest.nested());
        assertEquals("696e6e657200", nest.children().get(0).value());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void anUnknownTypeOfAKnownFamilyStillShowsItsBytes() {
        byte[] msg = new NetlinkMessageBuilder(99, 0, 1, 0).fixed(hex("0a000000 01000000")).build();
        DecodedMessage m = decode(0, msg).messages().get(0);
        assertNull(m.typeName());
        assertEquals("type 99", m.summary());
        assertEquals("payload", m.fixedHeader().get(0).name());
        assertEquals("0a00000001000000", m.fixedHeader().get(0).value());
        assertEquals(32, m.fixedHeader().get(0).offset());
    }

    @Test
    void aDissectorThatThrowsCostsOnlyItsMessage() {
        Dissector broken = new Dissector() {
            public DissectorKey key() {
                return DissectorKey.netlink(0);
            }

            public String messageName(int type) {
                return type == 16 ? "RTM_NEWLINK" : null;
            }

            public MessageKind kind(int type) {
                return MessageKind.NEW;
            }

            public MessageBody decode(int type, boolean request, ByteView body, DecodeContext context) {
                if (body.u32(body.start() + 4) == 7) {
                    throw new IllegalStateException("boom");
                }
                return new MessageBody(List.of(), List.of(), "fine", List.of());
            }
        };
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.of(List.of(broken)));
        byte[] bad = new NetlinkMessageBuilder(16, 1, 1, 0).fixed(hex("00000000 07000000 00000000 00000000")).build();
        byte[] ok = new NetlinkMessageBuilder(16, 1, 2, 0).fixed(new byte[16]).build();
        DecodedFrame f = decoder.decode(frame(0, bad, ok, bad), 1, DecodeContext.empty());
        assertEquals(3, f.messages().size());
        assertEquals(List.of("dissector netlink:0 failed: IllegalStateException: boom"), f.messages().get(0).problems());
        assertEquals("payload", f.messages().get(0).fixedHeader().get(0).name(), "the bytes fall back to raw");
        assertEquals("RTM_NEWLINK fine", f.messages().get(1).summary());
        assertEquals(List.of(), f.messages().get(1).problems());
        assertEquals(1, f.messages().get(2).problems().size());
    }

    @Test
    void aDissectorOverflowingTheStackIsContained() {
        Dissector recursive = new Dissector() {
            public DissectorKey key() {
                return DissectorKey.netlink(0);
            }

            public String messageName(int type) {
                return "X";
            }

            public MessageKind kind(int type) {
                return MessageKind.OTHER;
            }

            public MessageBody decode(int type, boolean request, ByteView body, DecodeContext context) {
                return decode(type, request, body, context);
            }
        };
        DecodedFrame f = new FrameDecoder(DissectorRegistry.of(List.of(recursive)))
                .decode(frame(0, newLink("a", 1, "b", 1)), 1, DecodeContext.empty());
        assertEquals("dissector netlink:0 failed: StackOverflowError", f.messages().get(0).problems().get(0));
    }

    @Test
    void nestingDeeperThanTheLimitIsReportedNotFollowed() {
        NetlinkMessageBuilder b = new NetlinkMessageBuilder(0x10, 0, 0, 0);
        for (int i = 0; i < 40; i++) {
            b.beginNest(1 | Netlink.NLA_F_NESTED);
        }
        b.attrU32(2, 1);
        for (int i = 0; i < 40; i++) {
            b.endNest();
        }
        DecodedMessage m = decode(Netlink.NETLINK_NETFILTER, b.build()).messages().get(0);
        assertEquals(1, m.problems().size());
        assertTrue(m.problems().get(0).startsWith("nesting deeper than " + org.nlscope.model.Limits.MAX_NESTING_DEPTH + " at offset "), m.problems().get(0));
        int depth = 0;
        Field f = m.attributes().get(0);
        while (!f.children().isEmpty()) {
            f = f.children().get(0);
            depth++;
        }
        assertEquals(org.nlscope.model.Limits.MAX_NESTING_DEPTH, depth,
                "MAX_NESTING_DEPTH levels of nesting below the top are shown, the next keeps its bytes in hex");
        assertTrue(f.value() instanceof String);
    }

    @Test
    void anAttributeWithALyingLengthInsideAMessage() {
        byte[] msg = newLink("dum0", 1400, "dummy", 1);
        msg[16 + 16 + 12] = 0x40; // IFLA_MTU's nla_len: 64, past the message's end
        DecodedMessage m = decode(0, msg).messages().get(0);
        assertEquals("dum0", m.attribute("IFLA_IFNAME").value());
        assertNull(m.attribute("IFLA_MTU"));
        assertEquals(List.of("attribute at offset 60 has nla_len 64 but only 24 bytes remain"), m.problems());
    }

    @Test
    void aNonNetlinkLinkTypeIsAProblemNotAnException() {
        DecodedFrame f = decode(Frame.of(0, 1, new byte[40]));
        assertEquals(List.of("link type 1 is not a netlink link type"), f.problems());
    }

    @Test
    void randomBytesNeverThrow() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] data = new byte[16 + random.nextInt(200)];
            random.nextBytes(data);
            data[2] = 0x03;
            data[3] = 0x38;
            data[14] = 0;
            data[15] = (byte) (random.nextBoolean() ? 0 : 16);
            if (data.length >= 22 && random.nextBoolean()) {
                int len = 16 + random.nextInt(data.length - 15);
                data[16] = (byte) len;
                data[17] = 0;
                data[18] = 0;
                data[19] = 0;
                data[20 + random.nextInt(2)] = (byte) random.nextInt(20);
            }
            DecodedFrame f = TestFrames.DECODER.decode(Frame.of(0, LinkType.NETLINK, data), i, DecodeContext.empty());
            for (String p : f.problems()) {
                assertFalse(p.startsWith("decoder failed"), p);
            }
        }
    }
}
