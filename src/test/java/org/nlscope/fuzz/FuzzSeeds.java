package org.nlscope.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.Frame;

/**
 * The seed inputs of the fuzz targets, made from the recorded captures and the built-in
 * dissector files, small enough to check in. Jazzer finds a target's seeds in
 * {@code src/test/resources/PACKAGE/CLASSInputs/METHOD/}; files there named
 * {@code seed-*} are this class's, anything else (a crash Jazzer found, kept as a
 * regression input) is left alone. After recording a capture or changing a built-in
 * file, refresh them with {@code scripts/fuzz --seeds}.
 */
public final class FuzzSeeds {
    public static final Path RESOURCES = Path.of("src/test/resources");
    public static final String PREFIX = "seed-";

    static final String PCAP = "org/nlscope/pcap/CaptureReaderFuzzTestInputs/pcap";
    static final String PCAPNG = "org/nlscope/pcap/CaptureReaderFuzzTestInputs/pcapng";
    static final String FRAMES = "org/nlscope/decode/FrameDecoderFuzzTestInputs/everyFamily";
    static final String DISSECTOR_FILES = "org/nlscope/decode/spec/DissectorFileFuzzTestInputs/yaml";
    static final String FILTERS = "org/nlscope/session/filter/DisplayFilterFuzzTestInputs/parseAndMatch";

    /** Every seed directory, for the check that nothing stale stays behind. */
    static final List<String> DIRECTORIES = List.of(PCAP, PCAPNG, FRAMES, DISSECTOR_FILES, FILTERS);

    private static final int PACKETS_PER_FILE = 4;
    private static final int MAX_FILE_SEED = 16 * 1024;
    private static final int MAX_FRAME_SEED = 2048;

    /** The filter language's own examples (DisplayFilter's javadoc) and a few combinations. */
    private static final List<String> FILTER_EXAMPLES = List.of(
            "family == route", "family ~ gen", "type == RTM_NEWLINK", "type ~ LINK", "flags & NLM_F_DUMP",
            "seq == 5", "port == 1234", "process == ip", "IFLA_IFNAME == \"dum0\"", "IFLA_MTU > 1400",
            "IFLA_LINKINFO", "IFLA_OPERSTATE == UP", "error", "ack", "request", "reply", "notification",
            "dump", "done", "malformed", "problems", "errno == EEXIST", "direction == to_kernel",
            "kind == notification", "len >= 100", "frame < 50", "\"dum0\"",
            "type == RTM_NEWLINK and IFLA_MTU > 1400", "error || ack", "!request && not dump",
            "(family == generic or family == route) and seq != 0", "CTRL_ATTR_FAMILY_NAME ~ \"wire\"");

    private FuzzSeeds() {
    }

    /** Writes the seeds under src/test/resources, replacing earlier seed-* files. */
    public static void main(String[] args) throws IOException {
        SortedMap<String, byte[]> seeds = generate();
        for (String dir : DIRECTORIES) {
            Path d = RESOURCES.resolve(dir);
            Files.createDirectories(d);
            try (Stream<Path> old = Files.list(d)) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            Files.write(RESOURCES.resolve(e.getKey()), e.getValue());
        }
        System.out.println(seeds.size() + " seeds written under " + RESOURCES);
    }

    /** Relative path under src/test/resources to content. */
    public static SortedMap<String, byte[]> generate() throws IOException {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (Path capture : RecordedCaptures.files()) {
            String name = capture.getFileName().toString();
            byte[] file = Files.readAllBytes(capture);
            String stem = name.substring(0, name.lastIndexOf('.'));
            if (name.endsWith(".pcapng")) {
                out.put(PCAPNG + "/" + PREFIX + stem, pcapngPrefix(file));
            } else {
                out.put(PCAP + "/" + PREFIX + stem, pcapPrefix(file));
            }
            framePayloads(capture, stem, out);
        }
        Path builtIn = Path.of("dissectors");
        try (Stream<Path> walk = Files.walk(builtIn)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String rel = builtIn.relativize(p).toString().replace('/', '-');
                out.put(DISSECTOR_FILES + "/" + PREFIX + rel, Files.readAllBytes(p));
            }
        }
        for (int i = 0; i < FILTER_EXAMPLES.size(); i++) {
            out.put(String.format("%s/%s%02d", FILTERS, PREFIX, i), FILTER_EXAMPLES.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The messages of the first frame of each (family, first nlmsg_type), without the cooked header. */
    private static void framePayloads(Path capture, String stem, Map<String, byte[]> out) {
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (Frame f : RecordedCaptures.frames(capture)) {
            n++;
            int start = CookedHeader.lengthFor(f.linkType());
            CookedHeader cooked = CookedHeader.parse(f.linkType(), f.data());
            int length = f.data().length - start;
            if (length < 16 || length > MAX_FRAME_SEED) {
                continue;
            }
            int type = (f.data()[start + 4] & 0xff) | (f.data()[start + 5] & 0xff) << 8;
            String key = cooked.netlinkFamily() + "/" + type;
            if (seen.add(key)) {
                byte[] payload = new byte[length];
                System.arraycopy(f.data(), start, payload, 0, length);
                out.put(String.format("%s/%s%s-%04d", FRAMES, PREFIX, stem, n), payload);
            }
        }
    }

    /** The file header and the first records of a pcap file. */
    static byte[] pcapPrefix(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        int magic = b.getInt(0);
        b.order(magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int pos = 24;
        for (int i = 0; i < PACKETS_PER_FILE && pos + 16 <= file.length; i++) {
            int next = pos + 16 + b.getInt(pos + 8);
            if (next > file.length || next > MAX_FILE_SEED) {
                break;
            }
            pos = next;
        }
        byte[] out = new byte[pos];
        System.arraycopy(file, 0, out, 0, pos);
        return out;
    }

    /** Every block of a pcapng file but the packets after the first few, within a size budget. */
    static byte[] pcapngPrefix(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteOrder order = ByteOrder.BIG_ENDIAN;
        int pos = 0;
        int packets = 0;
        while (pos + 12 <= file.length) {
            if (b.order(ByteOrder.BIG_ENDIAN).getInt(pos) == 0x0A0D0D0A) {
                // a section header: its byte-order magic sets the order from here on
                order = b.getInt(pos + 8) == 0x1A2B3C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            }
            b.order(order);
            int type = b.getInt(pos);
            int length = b.getInt(pos + 4);
            if (length < 12 || length > file.length - pos) {
                break;
            }
            boolean packet = type == 2 || type == 3 || type == 6;
            boolean keep = (!packet || packets++ < PACKETS_PER_FILE) && out.size() + length <= MAX_FILE_SEED;
            if (keep) {
                out.write(file, pos, length);
            }
            pos += length;
        }
        return out.toByteArray();
    }
}
