package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.Limits;
import org.nlscope.model.LinkType;

/** Every kind of damage ends in a CaptureFileException at the exact offset, after every good frame. */
class MalformedCaptureTest {

    private static final byte[] FRAME = CaptureBytes.netlinkFrame(4, 0, 32, 1); // 64 bytes
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** Reads a damaged file: expects this many good frames, then this problem at this offset. */
    private static CaptureFileException expect(byte[] file, int goodFrames, long offset, String problem) {
        Captures.Outcome out = Captures.readUntilError(file);
        assertNotNull(out.error(), "an error");
        assertEquals(goodFrames, out.frames().size(), "frames before the damage");
        out.frames().forEach(f -> assertArrayEquals(FRAME, f.data()));
        assertEquals(problem, out.error().problem());
        assertEquals(offset, out.error().offset());
        assertEquals("test.cap: " + problem + " at offset " + offset, out.error().getMessage());
        return out.error();
    }

    private static CaptureBytes goodPcap() {
        return new CaptureBytes(LE).pcapHeader(0xa1b23c4d, LinkType.NETLINK)
                .pcapRecord(1, 0, FRAME)
                .pcapRecord(2, 0, FRAME); // records at 24 and 104; ends at 184
    }

    private static CaptureBytes goodPcapng() {
        return new CaptureBytes(LE).shb().idb(LinkType.NETLINK)
                .epb(0, 1, FRAME)
                .epb(0, 2, FRAME); // shb 0..32, idb 32..52, epbs 52..148 and 148..244
    }

    // ---- start of the file

    @Test
    void zeroLengthFile() {
        expect(new byte[0], 0, 0, "empty file, not a pcap or pcapng file");
    }

    @Test
    void badMagic() {
        expect("GIF89a, not a capture".getBytes(StandardCharsets.US_ASCII), 0, 0, "not a pcap or pcapng file");
        expect(new byte[] {1, 2}, 0, 0, "not a pcap or pcapng file");
    }

    @Test
    void truncatedPcapFileHeader() {
        byte[] file = Arrays.copyOf(goodPcap().toByteArray(), 10);
        expect(file, 0, 0, "truncated pcap file header (10 of 24 bytes)");
    }

    @Test
    void truncatedSectionHeader() {
        expect(Arrays.copyOf(goodPcapng().toByteArray(), 10), 0, 0, "truncated section header block (10 of 12 bytes)");
        expect(Arrays.copyOf(goodPcapng().toByteArray(), 20), 0, 0, "truncated block (20 of 32 bytes)");
    }

    @Test
    void badByteOrderMagic() {
        byte[] file = goodPcapng().toByteArray();
        file[8] = 0x55;
        expect(file, 0, 0, "bad byte-order magic in section header block");
    }

    @Test
    void unsupportedPcapngVersion() {
        byte[] file = goodPcapng().toByteArray();
        file[12] = 2;
        expect(file, 0, 0, "unsupported pcapng version 2.0 in section header block");
    }

    // ---- classic pcap records

    @Test
    void truncatedRecordHeader() {
        byte[] file = Arrays.copyOf(goodPcap().toByteArray(), 104 + 7);
        expect(file, 1, 104, "truncated packet record header (7 of 16 bytes)");
    }

    @Test
    void truncatedFinalRecord() {
        byte[] file = Arrays.copyOf(goodPcap().toByteArray(), 184 - 1);
        expect(file, 1, 104, "truncated packet record (79 of 80 bytes)");
    }

    @Test
    void twoGigabyteCaptureLength() {
        byte[] file = goodPcap().u32(3).u32(0).u32(0x8000_0000L).u32(0x8000_0000L).bytes(FRAME).toByteArray();
        expect(file, 2, 184, "capture length 2147483648 exceeds the limit of 16777216");
    }

    @Test
    void captureLengthLiesButStaysUnderTheLimit() {
        // claims 16 MB, the file ends after 64 bytes: nothing that large is allocated
        byte[] file = goodPcap().u32(3).u32(0).u32(16_000_000).u32(16_000_000).bytes(FRAME).toByteArray();
        expect(file, 2, 184, "truncated packet record (80 of 16000016 bytes)");
    }

    @Test
    void garbageAfterPcapRecords() {
        byte[] file = goodPcap().bytes("trailing garbage!!".getBytes(StandardCharsets.US_ASCII)).toByteArray();
        // "trai" "ling" " gar" "bage": the capture length reads as 0x72616720 in little endian
        expect(file, 2, 184, "capture length 1918986016 exceeds the limit of 16777216");
    }

    // ---- pcapng blocks

    @Test
    void killedCaptureEndsMidBlock() {
        byte[] file = Arrays.copyOf(goodPcapng().toByteArray(), 148 + 50);
        expect(file, 1, 148, "truncated block (50 of 96 bytes)");
    }

    @Test
    void truncatedBlockHeader() {
        byte[] file = Arrays.copyOf(goodPcapng().toByteArray(), 148 + 5);
        expect(file, 1, 148, "truncated block header (5 of 8 bytes)");
    }

    @Test
    void trailingLengthDisagrees() {
        byte[] file = goodPcapng().toByteArray();
        file[148 + 92] = 100;
        expect(file, 1, 148, "block length mismatch: 96 at the start, 100 at the end");
    }

    @Test
    void blockLengthNotAMultipleOfFour() {
        byte[] file = goodPcapng().toByteArray();
        file[148 + 4] = 97;
        expect(file, 1, 148, "bad block length 97");
    }

    @Test
    void blockLengthTooSmall() {
        byte[] file = goodPcapng().toByteArray();
        file[148 + 4] = 8;
        expect(file, 1, 148, "bad block length 8");
    }

    @Test
    void blockLengthLongerThanTheFile() {
        byte[] file = goodPcapng().toByteArray();
        file[148 + 4] = 0;
        file[148 + 5] = 1; // 256
        expect(file, 1, 148, "truncated block (96 of 256 bytes)");
    }

    @Test
    void twoGigabyteBlockLength() {
        byte[] file = goodPcapng().toByteArray();
        file[148 + 7] = (byte) 0x80;
        expect(file, 1, 148, "block length 2147483744 exceeds the limit of " + Limits.MAX_BLOCK_BYTES);
    }

    @Test
    void capturedLengthRunsPastTheBlock() {
        byte[] file = goodPcapng().toByteArray();
        file[148 + 20] = (byte) 0xff; // captured length 255 in a block with 64 bytes of data
        expect(file, 1, 148, "captured length 255 runs past the end of the block in enhanced packet block");
    }

    @Test
    void twoGigabyteCapturedLengthInsideABlock() {
        byte[] file = goodPcapng().toByteArray();
        file[148 + 23] = (byte) 0x80;
        expect(file, 1, 148, "captured length 2147483712 exceeds the limit of " + Limits.MAX_RECORD_BYTES + " in enhanced packet block");
    }

    @Test
    void optionLengthLies() {
        byte[] file = goodPcapng().epb(0, 3, FRAME, b -> b.u16(1).u16(200).bytes(new byte[4]).endOfOptions()).toByteArray();
        expect(file, 2, 244, "option 1 of length 200 runs past the end of the block in enhanced packet block");
    }

    @Test
    void packetOnAnInterfaceNeverDescribed() {
        byte[] file = goodPcapng().epb(1, 3, FRAME).toByteArray();
        expect(file, 2, 244, "interface 1 not described in this section in enhanced packet block");
    }

    @Test
    void packetBlockTooShortForItsHeader() {
        byte[] file = goodPcapng().block(6, b -> b.u32(0)).toByteArray();
        expect(file, 2, 244, "body of 4 bytes too short for its 20-byte header in enhanced packet block");
    }

    @Test
    void simplePacketWithoutInterface() {
        byte[] file = new CaptureBytes(LE).shb().spb(FRAME.length, FRAME).toByteArray();
        expect(file, 0, 32, "no interface for the packet in simple packet block");
    }

    @Test
    void timestampBeyondWhatNanosecondsCanHold() {
        byte[] file = goodPcapng().epb(0, -1L, FRAME).toByteArray();
        expect(file, 2, 244, "timestamp out of range in enhanced packet block");
    }

    @Test
    void garbageAfterAGoodSection() {
        byte[] file = goodPcapng().bytes("garbage after the capture".getBytes(StandardCharsets.US_ASCII)).toByteArray();
        // "garb" is the type, "age " the length: 0x20656761 is not a multiple of four
        expect(file, 2, 244, "bad block length 543516513");
    }

    @Test
    void aSecondSectionMayNotStartMidFile() {
        byte[] file = goodPcapng().bytes(new byte[] {0x0A, 0x0D, 0x0D, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0}).toByteArray();
        expect(file, 2, 244, "bad byte-order magic in section header block");
    }

    // ---- after an error

    @Test
    void theErrorRepeatsAndNothingHangs() throws Exception {
        byte[] file = Arrays.copyOf(goodPcapng().toByteArray(), 200);
        try (CaptureReader r = Captures.open(file)) {
            r.next();
            CaptureFileException first = assertThrows(CaptureFileException.class, r::next);
            assertSame(first, assertThrows(CaptureFileException.class, r::next));
        }
    }

    @Test
    void missingAndUnreadableFilesNameTheProblemWithoutOffset(@TempDir Path dir) throws Exception {
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> CaptureReader.open(dir.resolve("nope.pcap")));
        assertEquals(dir.resolve("nope.pcap") + ": no such file", e.getMessage());
        assertEquals(-1, e.offset());
        e = assertThrows(CaptureFileException.class, () -> CaptureReader.open(dir));
        assertEquals(dir.toString(), e.source());
        Path empty = Files.createFile(dir.resolve("empty.pcapng"));
        e = assertThrows(CaptureFileException.class, () -> CaptureReader.open(empty));
        assertEquals(empty + ": empty file, not a pcap or pcapng file at offset 0", e.getMessage());
    }
}
