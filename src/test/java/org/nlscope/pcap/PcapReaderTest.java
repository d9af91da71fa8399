package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

class PcapReaderTest {

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of(ByteOrder.LITTLE_ENDIAN, true),
                Arguments.of(ByteOrder.BIG_ENDIAN, false),
                Arguments.of(ByteOrder.BIG_ENDIAN, true));
    }

    @ParameterizedTest(name = "{0} nanos={1}")
    @MethodSource("variants")
    void readsBothByteOrdersAndResolutions(ByteOrder order, boolean nanos) throws Exception {
        byte[] f1 = CaptureBytes.netlinkFrame(4, 0, 20, 1);
        byte[] f2 = CaptureBytes.netlinkFrame(0, 16, 33, 2);
        long frac1 = nanos ? 968_653_123 : 968_653;
        long frac2 = nanos ? 5 : 999_999;
        byte[] file = new CaptureBytes(order)
                .pcapHeader(nanos ? 0xa1b23c4d : 0xa1b2c3d4, LinkType.NETLINK)
                .pcapRecord(1_795_340_295L, frac1, f1)
                .pcapRecord(0xfffffffeL, frac2, f2, 4000)
                .toByteArray();

        try (CaptureReader r = Captures.open(file)) {
            assertEquals(CaptureFormat.PCAP, r.format());
            List<Frame> frames = Captures.readAll(r);
            assertEquals(2, frames.size());
            long scale = nanos ? 1 : 1000;
            Frame a = frames.get(0);
            assertEquals(1_795_340_295L * 1_000_000_000L + frac1 * scale, a.timestampNanos());
            assertEquals(LinkType.NETLINK, a.linkType());
            assertArrayEquals(f1, a.data());
            assertEquals(f1.length, a.originalLength());
            assertEquals(4, a.packetType());
            assertNull(a.comment());
            Frame b = frames.get(1);
            // unsigned seconds: 2106, far past 2038
            assertEquals(0xfffffffeL * 1_000_000_000L + frac2 * scale, b.timestampNanos());
            assertArrayEquals(f2, b.data());
            assertEquals(4000, b.originalLength());
            assertEquals(0, b.packetType());
            assertEquals(0, r.skippedFrames());
            assertEquals(CaptureMetadata.EMPTY, r.metadata());
            assertEquals(List.of(), r.sectionComments());
            assertNull(r.next(), "stays at the end");
        }
    }

    @Test
    void sllFramesCountOnlyWhenArphrdIsNetlink() throws Exception {
        byte[] netlink = CaptureBytes.sllFrame(7, 824, 0);
        byte[] ethernet = CaptureBytes.sllFrame(0, 1, 0x0800);
        byte[] file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                .pcapHeader(0xa1b2c3d4, LinkType.LINUX_SLL)
                .pcapRecord(1, 0, ethernet)
                .pcapRecord(2, 0, netlink)
                .pcapRecord(3, 0, ethernet)
                .pcapRecord(4, 0, new byte[10]) // shorter than its cooked header: cannot be netlink
                .toByteArray();
        try (CaptureReader r = Captures.open(file)) {
            List<Frame> frames = Captures.readAll(r);
            assertEquals(1, frames.size());
            assertArrayEquals(netlink, frames.get(0).data());
            assertEquals(7, frames.get(0).packetType());
            assertEquals(2_000_000_000L, frames.get(0).timestampNanos());
            assertEquals(3, r.skippedFrames());
        }
    }

    @Test
    void sll2FramesCarryTheirPacketType() throws Exception {
        byte[] netlink = CaptureBytes.sll2Frame(6, 824, 16);
        byte[] other = CaptureBytes.sll2Frame(0, 772, 0);
        byte[] file = new CaptureBytes(ByteOrder.BIG_ENDIAN)
                .pcapHeader(0xa1b23c4d, LinkType.LINUX_SLL2)
                .pcapRecord(1, 1, other)
                .pcapRecord(1, 2, netlink)
                .toByteArray();
        try (CaptureReader r = Captures.open(file)) {
            List<Frame> frames = Captures.readAll(r);
            assertEquals(1, frames.size());
            assertEquals(LinkType.LINUX_SLL2, frames.get(0).linkType());
            assertEquals(6, frames.get(0).packetType());
            assertEquals(1_000_000_002L, frames.get(0).timestampNanos());
            assertEquals(1, r.skippedFrames());
        }
    }

    @Test
    void linkTypeFieldIgnoresFcsBits() throws Exception {
        byte[] f = CaptureBytes.netlinkFrame(4, 0, 0, 3);
        byte[] file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                .pcapHeader(0xa1b2c3d4, 0x1000_0000 | LinkType.NETLINK)
                .pcapRecord(1, 0, f)
                .toByteArray();
        assertEquals(1, Captures.readAll(file).size());
    }

    @Test
    void aFileOfAnotherLinkTypeIsRefusedByName() {
        byte[] file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                .pcapHeader(0xa1b2c3d4, 1)
                .pcapRecord(1, 0, new byte[60])
                .toByteArray();
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> Captures.open(file));
        assertEquals("test.cap: unsupported link type 1, not NETLINK (253), LINUX_SLL (113) or LINUX_SLL2 (276) at offset 0",
                e.getMessage());
        assertEquals(0, e.offset());
    }
}
