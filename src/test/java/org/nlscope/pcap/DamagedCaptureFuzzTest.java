package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.LinkType;

/**
 * Cuts files at every byte and mutates them at random: the reader must give back every
 * complete frame before the damage and then a CaptureFileException, never anything else.
 */
class DamagedCaptureFuzzTest {

    /** A file with the offsets where its blocks or records end, and which of them hold a frame. */
    private record Layout(byte[] file, List<Integer> ends, List<Boolean> frames) {
    }

    private static final class LayoutBuilder {
        final CaptureBytes bytes;
        final List<Integer> ends = new ArrayList<>();
        final List<Boolean> frames = new ArrayList<>();

        LayoutBuilder(ByteOrder order) {
            bytes = new CaptureBytes(order);
        }

        LayoutBuilder add(boolean frame, java.util.function.Consumer<CaptureBytes> part) {
            part.accept(bytes);
            ends.add(bytes.size());
            frames.add(frame);
            return this;
        }

        Layout build() {
            return new Layout(bytes.toByteArray(), ends, frames);
        }
    }

    private static Layout pcapng() {
        byte[] f = CaptureBytes.netlinkFrame(4, 0, 13, 1);
        return new LayoutBuilder(ByteOrder.BIG_ENDIAN)
                .add(false, b -> b.shb("a comment"))
                .add(false, b -> b.idb(LinkType.NETLINK, 0, o -> o.option(9, new byte[] {9}).endOfOptions()))
                .add(true, b -> b.epb(0, 5, f, o -> o.option(1, "frame comment").endOfOptions()))
                .add(false, b -> b.block(0xBAD, x -> x.u32(32473).bytes(CaptureMetadata.EMPTY.toText().getBytes())))
                .add(true, b -> b.spb(f.length, f))
                .add(true, b -> b.obsoletePacket(0, 6, f, o -> { }))
                .add(false, b -> b.block(77, x -> x.u32(1)))
                .add(false, b -> b.shb())
                .add(false, b -> b.idb(LinkType.NETLINK))
                .add(true, b -> b.epb(0, 7, f))
                .build();
    }

    private static Layout pcap() {
        byte[] f = CaptureBytes.netlinkFrame(4, 0, 13, 1);
        return new LayoutBuilder(ByteOrder.LITTLE_ENDIAN)
                .add(false, b -> b.pcapHeader(0xa1b2c3d4, LinkType.NETLINK))
                .add(true, b -> b.pcapRecord(1, 2, f))
                .add(true, b -> b.pcapRecord(1, 3, f))
                .add(true, b -> b.pcapRecord(1, 4, f))
                .build();
    }

    @Test
    void everyCutOfAPcapngFileKeepsTheFramesBeforeIt() {
        cutEverywhere(pcapng());
    }

    @Test
    void everyCutOfAPcapFileKeepsTheFramesBeforeIt() {
        cutEverywhere(pcap());
    }

    private static void cutEverywhere(Layout layout) {
        for (int cut = 0; cut <= layout.file().length; cut++) {
            Captures.Outcome out = Captures.readUntilError(Arrays.copyOf(layout.file(), cut));
            int complete = 0;
            int framesBefore = 0;
            while (complete < layout.ends().size() && layout.ends().get(complete) <= cut) {
                framesBefore += layout.frames().get(complete) ? 1 : 0;
                complete++;
            }
            int damagedStart = complete == 0 ? 0 : layout.ends().get(complete - 1);
            assertEquals(framesBefore, out.frames().size(), "frames of a file cut at " + cut);
            if (cut > 0 && cut == damagedStart) {
                assertNull(out.error(), "a cut between blocks is a clean end, at " + cut);
            } else {
                assertNotNull(out.error(), "a file cut at " + cut);
                assertEquals(damagedStart, out.error().offset(), "offset for a file cut at " + cut + ": " + out.error().getMessage());
            }
        }
    }

    @Test
    void randomDamageGivesOnlyCaptureFileExceptions() {
        Random random = new Random(20261123);
        int[] interesting = {0x00, 0xff, 0x80, 0x7f, 0x01, 0x0a, 0x0d};
        for (Layout layout : List.of(pcapng(), pcap())) {
            for (int round = 0; round < 3000; round++) {
                byte[] file = layout.file().clone();
                int changes = 1 + random.nextInt(4);
                for (int i = 0; i < changes; i++) {
                    int at = random.nextInt(file.length);
                    file[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : interesting[random.nextInt(interesting.length)]);
                }
                // anything but a CaptureFileException escapes and fails the test
                Captures.Outcome out = Captures.readUntilError(file);
                if (out.error() != null) {
                    assertNotNull(out.error().problem());
                }
            }
        }
    }
}
