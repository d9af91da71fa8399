package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nlscope.nativeio.NativeBuffer;

/**
 * Blocks laid out as the kernel writes them (struct tpacket_block_desc, then tpacket3_hdr,
 * sockaddr_ll and data per packet), in native memory as the backlog holds them, and the
 * same blocks with every length and offset the kernel controls made to lie: a reader that
 * trusted one would copy past the block (on the heap, past a Java array).
 */
class RingBlockTest {
    private static final int BLOCK = 8192;
    private static final int FIRST = 48;          // the kernel's BLK_PLUS_PRIV: the descriptor, aligned
    private static final int HEADERS = 48 + 20;   // tpacket3_hdr (aligned), sockaddr_ll
    private static final int MAC = 80;            // TPACKET_ALIGN(HEADERS): where the data starts

    /** A block of packets with these data lengths (their bytes: index + packet number), in native memory. */
    private static ByteBuffer block(int... lengths) {
        ByteBuffer b = new NativeBuffer(BLOCK).view();
        for (int i = 0; i < BLOCK; i++) {
            b.put(i, (byte) 0);
        }
        b.putInt(RingBlock.BLOCK_NUM_PKTS, lengths.length);
        b.putInt(RingBlock.BLOCK_FIRST_PKT, FIRST);
        int at = FIRST;
        for (int p = 0; p < lengths.length; p++) {
            int next = (MAC + lengths[p] + 15) & ~15;
            b.putInt(at, p + 1 < lengths.length ? next : 0);     // tp_next_offset
            b.putInt(at + 4, 1000 + p);                          // tp_sec
            b.putInt(at + 8, 7);                                 // tp_nsec
            b.putInt(at + 12, lengths[p]);                       // tp_snaplen
            b.putInt(at + 16, lengths[p] + 3);                   // tp_len
            b.putShort(at + 24, (short) MAC);                    // tp_mac
            b.putShort(at + 48 + 2, Short.reverseBytes((short) 16));   // sll_protocol (network order): NETLINK_GENERIC
            b.putInt(at + 48 + 4, 9);                            // sll_ifindex
            b.putShort(at + 48 + 8, (short) 824);                // sll_hatype: ARPHRD_NETLINK
            b.put(at + 48 + 10, (byte) 4);                       // sll_pkttype: PACKET_OUTGOING
            for (int i = 0; i < lengths[p]; i++) {
                b.put(at + MAC + i, (byte) (i + p));
            }
            at += next;
        }
        b.putInt(RingBlock.BLOCK_LEN, at);
        return b.slice(0, at).order(ByteOrder.nativeOrder());
    }

    private static List<byte[]> packets(ByteBuffer block) {
        List<byte[]> out = new ArrayList<>();
        RingBlock.forEach(block, new RingPacket(), p -> {
            byte[] data = new byte[p.snapLength()];
            p.copyData(data, 0);
            out.add(data);
        });
        return out;
    }

    @Test
    void readsEachPacketWithItsFacts() {
        List<Long> times = new ArrayList<>();
        List<Integer> facts = new ArrayList<>();
        int n = RingBlock.forEach(block(20, 1500, 0, 16), new RingPacket(), p -> {
            times.add(p.timestampNanos());
            facts.add(p.protocol() * 100000 + p.hardwareType() * 100 + p.packetType() * 10 + p.ifindex() - 9);
            assertEquals(p.snapLength() + 3, p.originalLength());
        });
        assertEquals(4, n);
        assertEquals(List.of(1000_000_000_007L, 1001_000_000_007L, 1002_000_000_007L, 1003_000_000_007L), times);
        assertEquals(List.of(1682440, 1682440, 1682440, 1682440), facts);
        List<byte[]> data = packets(block(20, 1500, 0, 16));
        byte[] second = new byte[1500];
        for (int i = 0; i < second.length; i++) {
            second[i] = (byte) (i + 1);
        }
        assertArrayEquals(second, data.get(1));
        assertEquals(0, data.get(2).length);
    }

    @Test
    void aSnapLengthPastTheBlockEndsTheBlockThere() {
        ByteBuffer b = block(100, 100, 100);
        int second = FIRST + b.getInt(FIRST);
        b.putInt(second + 12, BLOCK);                // tp_snaplen: more than the copy holds
        assertEquals(1, packets(b).size());
        b.putInt(second + 12, -1);
        assertEquals(1, packets(b).size());
        b.putInt(second + 12, Integer.MAX_VALUE);    // mac + snaplen overflows an int
        assertEquals(1, packets(b).size());
    }

    @Test
    void offsetsOutsideTheBlockAreNotFollowed() {
        ByteBuffer b = block(100, 100);
        b.putInt(FIRST, Integer.MAX_VALUE - 8);      // tp_next_offset: far past the end (offset + it overflows)
        assertEquals(1, packets(b).size());
        b.putInt(FIRST, b.limit());                  // exactly at the end
        assertEquals(1, packets(b).size());
        b = block(100);
        b.putShort(FIRST + 24, (short) 0xffff);      // tp_mac past the end
        assertEquals(0, packets(b).size());
        b = block(100);
        b.putInt(RingBlock.BLOCK_FIRST_PKT, b.limit() - 10);
        assertEquals(0, packets(b).size());
        b.putInt(RingBlock.BLOCK_FIRST_PKT, -FIRST);
        assertEquals(0, packets(b).size());
        b.putInt(RingBlock.BLOCK_FIRST_PKT, FIRST);
        b.putInt(RingBlock.BLOCK_NUM_PKTS, Integer.MAX_VALUE);   // more packets than there are
        assertEquals(1, packets(b).size());
        assertEquals(0, packets(b.slice(0, 12)).size(), "a copy shorter than the descriptor");
    }

    @Test
    void randomDamageNeverReadsOutsideTheCopy() {
        Random random = new Random(9);
        ByteBuffer good = block(40, 700, 3, 1200, 64, 0, 333);
        int length = good.limit();
        for (int round = 0; round < 20_000; round++) {
            ByteBuffer b = new NativeBuffer(length).view();
            b.put(0, good, 0, length);
            for (int hits = 1 + random.nextInt(4); hits > 0; hits--) {
                int at = random.nextInt(length - 4);
                if (random.nextBoolean()) {
                    b.putInt(at, random.nextInt());
                } else {
                    b.put(at, (byte) random.nextInt());
                }
            }
            // a shorter copy too: the same block seen through less than it says it holds
            ByteBuffer view = b.slice(0, random.nextBoolean() ? length : random.nextInt(length)).order(ByteOrder.nativeOrder());
            int limit = view.limit();
            RingBlock.forEach(view, new RingPacket(), p -> {
                assertTrue(p.snapLength() >= 0 && p.snapLength() <= limit, "snap length " + p.snapLength() + " of " + limit);
                p.copyData(new byte[p.snapLength()], 0);
            });
        }
    }
}
