package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.model.ProcessInfo;

class PcapngReaderTest {

    private static final long T0 = 1_795_340_295L;

    enum Order {
        LITTLE(ByteOrder.LITTLE_ENDIAN), BIG(ByteOrder.BIG_ENDIAN);
        final ByteOrder order;

        Order(ByteOrder order) {
            this.order = order;
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void readsInterfacesResolutionsCommentsAndEveryPacketBlock(Order o) throws Exception {
        byte[] a = CaptureBytes.netlinkFrame(4, 0, 12, 1);
        byte[] b = CaptureBytes.sllFrame(0, 824, 16);
        byte[] c = CaptureBytes.netlinkFrame(4, 4, 40, 3);
        byte[] file = new CaptureBytes(o.order)
                .shb("first section", "recorded by hand")
                // interface 0: netlink, nanoseconds, with a name and a comment we do not need
                .idb(LinkType.NETLINK, 0, x -> x.option(2, "nlmon0").option(9, new byte[] {9}).option(1, "if comment").endOfOptions())
                // interface 1: SLL, no if_tsresol, so microseconds
                .idb(LinkType.LINUX_SLL, 0, x -> { })
                .epb(0, T0 * 1_000_000_000L + 123_456_789L, a, x -> x.option(1, "look here").endOfOptions())
                .block(0x0000_0999, x -> x.u32(42).u32(43)) // unknown: skipped
                .epb(1, T0 * 1_000_000L + 654_321L, b)
                .obsoletePacket(0, T0 * 1_000_000_000L + 7, c, x -> x.option(1, "old").option(1, "block").endOfOptions())
                .spb(c.length, c)
                .epb(1, T0 * 1_000_000L, CaptureBytes.sllFrame(0, 1, 0x86dd)) // not netlink: skipped
                .toByteArray();

        try (CaptureReader r = Captures.open(file)) {
            assertEquals(CaptureFormat.PCAPNG, r.format());
            List<Frame> frames = Captures.readAll(r);
            assertEquals(4, frames.size());
            assertFrame(frames.get(0), T0 * 1_000_000_000L + 123_456_789L, LinkType.NETLINK, a, "look here");
            assertFrame(frames.get(1), T0 * 1_000_000_000L + 654_321_000L, LinkType.LINUX_SLL, b, null);
            assertFrame(frames.get(2), T0 * 1_000_000_000L + 7, LinkType.NETLINK, c, "old\nblock");
            // a simple packet has no timestamp and belongs to interface 0
            assertFrame(frames.get(3), 0, LinkType.NETLINK, c, null);
            assertEquals(0, frames.get(1).packetType());
            assertEquals(4, frames.get(0).packetType());
            assertEquals(1, r.skippedFrames());
            assertEquals(List.of("first section", "recorded by hand"), r.sectionComments());
        }
    }

    private static void assertFrame(Frame f, long nanos, int linkType, byte[] data, String comment) {
        assertEquals(nanos, f.timestampNanos());
        assertEquals(linkType, f.linkType());
        assertArrayEquals(data, f.data());
        assertEquals(data.length, f.originalLength());
        assertEquals(comment, f.comment());
    }

    @Test
    void sectionsChangeByteOrderAndStartTheirOwnInterfaces() throws Exception {
        byte[] a = CaptureBytes.netlinkFrame(4, 0, 8, 1);
        byte[] b = CaptureBytes.sll2Frame(4, 824, 0);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new CaptureBytes(ByteOrder.BIG_ENDIAN)
                .shb("big")
                .idb(LinkType.NETLINK, 0, x -> x.option(9, new byte[] {3}).endOfOptions()) // milliseconds
                .epb(0, T0 * 1000 + 250, a)
                .toByteArray());
        file.writeBytes(new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                .shb("little")
                // interface 0 of the new section: SLL2, 2^-10 s units, 100 s offset
                .idb(LinkType.LINUX_SLL2, 0, x -> x.option(9, new byte[] {(byte) 0x8a}).option(14, le64(100)).endOfOptions())
                .epb(0, T0 * 1024 + 512, b)
                .toByteArray());
        try (CaptureReader r = Captures.open(file.toByteArray())) {
            List<Frame> frames = Captures.readAll(r);
            assertEquals(2, frames.size());
            assertFrame(frames.get(0), T0 * 1_000_000_000L + 250_000_000L, LinkType.NETLINK, a, null);
            assertFrame(frames.get(1), (T0 + 100) * 1_000_000_000L + 500_000_000L, LinkType.LINUX_SLL2, b, null);
            assertEquals(List.of("big", "little"), r.sectionComments());
        }
    }

    private static byte[] le64(long v) {
        return java.nio.ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    @Test
    void fineResolutionsAreScaledDownExactly() throws Exception {
        byte[] a = CaptureBytes.netlinkFrame(4, 0, 0, 1);
        byte[] file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                .shb()
                .idb(LinkType.NETLINK, 0, x -> x.option(9, new byte[] {12}).endOfOptions()) // picoseconds
                .idb(LinkType.NETLINK, 0, x -> x.option(9, new byte[] {(byte) 0x9e}).endOfOptions()) // 2^-30 s
                .epb(0, 1_000_000_000_123_999L, a) // 1000 s and 123.999 ns
                .epb(1, 3L << 30 | 1L << 29, a) // 3.5 s
                .toByteArray();
        List<Frame> frames = Captures.readAll(file);
        assertEquals(1_000_000_000_123L, frames.get(0).timestampNanos());
        assertEquals(3_500_000_000L, frames.get(1).timestampNanos());
    }

    @Test
    void simplePacketsAreCutToTheInterfaceSnapLength() throws Exception {
        byte[] full = CaptureBytes.netlinkFrame(4, 0, 100, 5);
        byte[] file = new CaptureBytes(ByteOrder.BIG_ENDIAN)
                .shb()
                .idb(LinkType.NETLINK, 64, x -> { })
                .spb(full.length, java.util.Arrays.copyOf(full, 64))
                .toByteArray();
        Frame f = Captures.readAll(file).get(0);
        assertArrayEquals(java.util.Arrays.copyOf(full, 64), f.data());
        assertEquals(full.length, f.originalLength());
    }

    @Test
    void metadataBlocksMergeInFileOrder() throws Exception {
        CaptureMetadata first = new CaptureMetadata(Map.of(16, "nlctrl", 28, "nl80211"),
                Map.of(1234L, new ProcessInfo(1234, 99, "ip", false)), CaptureStats.NONE);
        CaptureMetadata second = new CaptureMetadata(Map.of(29, "devlink"), Map.of(), new CaptureStats(10, 2, 0));
        byte[] f = CaptureBytes.netlinkFrame(4, 0, 0, 1);
        byte[] file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                .shb()
                .block(0x0BAD, x -> x.u32(32473).bytes(first.toText().getBytes(StandardCharsets.UTF_8)))
                .block(0x0BAD, x -> x.u32(12345).bytes("genl 1 someone-else\n".getBytes(StandardCharsets.UTF_8)))
                .idb(LinkType.NETLINK)
                .epb(0, 1, f)
                .block(0x40000BAD, x -> x.u32(32473).bytes(second.toText().getBytes(StandardCharsets.UTF_8)))
                .toByteArray();
        try (CaptureReader r = Captures.open(file)) {
            assertEquals(CaptureMetadata.EMPTY, r.metadata());
            r.next();
            assertEquals(first, r.metadata(), "merged so far");
            assertNull(r.next());
            assertEquals(first.merge(second), r.metadata());
        }
    }

    @Test
    void framesOnOtherInterfacesAreSkippedWhileNetlinkOnesComeOut() throws Exception {
        byte[] a = CaptureBytes.netlinkFrame(4, 0, 0, 1);
        byte[] file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                .shb()
                .idb(1)
                .idb(LinkType.NETLINK)
                .epb(0, 1, new byte[60])
                .epb(1, 2, a)
                .epb(0, 3, new byte[60])
                .toByteArray();
        try (CaptureReader r = Captures.open(file)) {
            assertEquals(1, Captures.readAll(r).size());
            assertEquals(2, r.skippedFrames());
        }
    }

    @Test
    void aFileWithOnlyOtherLinkTypesIsAnErrorNamingTheType() {
        byte[] file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                .shb() // 32 bytes: type, length, byte-order magic, version, section length, end of options, length
                .idb(1)
                .epb(0, 1, new byte[60])
                .toByteArray();
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> Captures.readAll(file));
        assertEquals("unsupported link type 1, not NETLINK (253), LINUX_SLL (113) or LINUX_SLL2 (276)", e.problem());
        assertEquals(32, e.offset(), "the interface description");
    }

    @Test
    void anEmptySectionIsAnEmptyCapture() throws Exception {
        byte[] file = new CaptureBytes(ByteOrder.BIG_ENDIAN).shb("nothing yet").toByteArray();
        try (CaptureReader r = Captures.open(file)) {
            assertNull(r.next());
            assertEquals(List.of("nothing yet"), r.sectionComments());
        }
    }
}
