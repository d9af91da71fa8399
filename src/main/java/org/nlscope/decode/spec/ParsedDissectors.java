package org.nlscope.decode.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.nlscope.decode.ynl.YnlLoader;

/**
 * The built-in dissector files already read, written into the jar when nlscope is built
 * ({@link #main}): nlscope's own files as their {@link FamilySpec} records
 * ({@link RecordCodec}), the kernel's YNL specs as their YAML trees ({@link TreeCodec}).
 * Reading these takes no YAML parser and none of Jackson's mapping, which were most of
 * start-up. Each entry is keyed by the file's relative path, length and CRC-32, so it
 * stands only for the very bytes it was made from (and carries a CRC-32 of its own); any
 * other file, or a missing or damaged bundle, is read from its YAML as before.
 */
public final class ParsedDissectors {
    /** Where the bundle is on the class path (not under dissectors/, where files are dissector files). */
    static final String RESOURCE = "org/nlscope/decode/spec/parsed-dissectors.bin";
    private static final int MAGIC = 0x4e4c5350; // "NLSP"
    private static final int VERSION = 1;
    private static final ParsedDissectors NONE = new ParsedDissectors(Map.of());

    /** One file's entry: what it was made from, and its encoding. */
    private record Entry(int length, long crc, byte[] payload) {
    }

    private final Map<String, Entry> entries;

    private ParsedDissectors(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** The bundle on this class path, or an empty one when there is none or it cannot be read. */
    static ParsedDissectors load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return NONE;
            }
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(in.readAllBytes()));
            if (data.readInt() != MAGIC || data.readInt() != VERSION) {
                return NONE;
            }
            int n = TreeCodec.length(data);
            Map<String, Entry> entries = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String relative = data.readUTF();
                int length = data.readInt();
                long crc = data.readLong();
                byte[] payload = new byte[TreeCodec.length(data)];
                data.readFully(payload);
                if (data.readLong() == crc(payload)) { // a damaged entry is no entry
                    entries.put(relative, new Entry(length, crc, payload));
                }
            }
            return new ParsedDissectors(entries);
        } catch (IOException | RuntimeException e) {
            return NONE; // the YAML is still there: slower, never wrong
        }
    }

    /** nlscope's own built-in file at this relative path, when the bundle holds these very bytes; else null. */
    FamilySpec spec(String relative, byte[] content) {
        DataInputStream in = payload(relative, content);
        try {
            return in == null ? null : (FamilySpec) RecordCodec.read(in, FamilySpec.class);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** A built-in YNL spec's tree (aliases resolved), when the bundle holds these very bytes; else null. A fresh tree each call. */
    JsonNode tree(String relative, byte[] content) {
        DataInputStream in = payload(relative, content);
        try {
            return in == null ? null : TreeCodec.read(in);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private DataInputStream payload(String relative, byte[] content) {
        Entry e = entries.get(relative);
        if (e == null || e.length() != content.length || e.crc() != crc(content)) {
            return null;
        }
        return new DataInputStream(new ByteArrayInputStream(e.payload()));
    }

    private static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    /**
     * Writes the bundle of the dissector files under {@code CLASSES/dissectors} to
     * {@code CLASSES/}{@link #RESOURCE}; run by the build after the resources are copied.
     * A file that would not read back the same as from its YAML is left out (and so read from it).
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path root = classes.resolve(DissectorFiles.BUILT_IN);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (Path p : paths) {
            String relative = root.relativize(p).toString().replace('\\', '/');
            boolean ynl = relative.startsWith(DissectorFiles.YNL_FOLDER);
            if (ynl ? YnlLoader.isSpecFile(relative) : SpecLoader.isSpecFile(relative)) {
                files.put(relative, Files.readAllBytes(p));
            }
        }
        Map<String, Entry> entries = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String relative = f.getKey();
            byte[] content = f.getValue();
            String source = DissectorFiles.BUILT_IN + "/" + relative;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            Object read;
            if (relative.startsWith(DissectorFiles.YNL_FOLDER)) {
                read = YnlLoader.read(source, content);
                TreeCodec.write(out, (JsonNode) read);
            } else {
                read = SpecLoader.parse(source, content).spec();
                RecordCodec.write(out, FamilySpec.class, read);
            }
            out.flush();
            entries.put(relative, new Entry(content.length, crc(content), bytes.toByteArray()));
        }
        ParsedDissectors written = new ParsedDissectors(entries);
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bundle);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        int kept = 0;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream bodyOut = new DataOutputStream(body);
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String relative = e.getKey();
            byte[] content = files.get(relative);
            String source = DissectorFiles.BUILT_IN + "/" + relative;
            boolean same = relative.startsWith(DissectorFiles.YNL_FOLDER)
                    ? YnlLoader.read(source, content).equals(written.tree(relative, content))
                    : SpecLoader.parse(source, content).spec().equals(written.spec(relative, content));
            if (!same) {
                System.err.println(source + ": does not read back the same from " + RESOURCE + "; left to its YAML");
                continue;
            }
            kept++;
            bodyOut.writeUTF(relative);
            bodyOut.writeInt(e.getValue().length());
            bodyOut.writeLong(e.getValue().crc());
            bodyOut.writeInt(e.getValue().payload().length);
            bodyOut.write(e.getValue().payload());
            bodyOut.writeLong(crc(e.getValue().payload()));
        }
        bodyOut.flush();
        out.writeInt(kept);
        out.write(body.toByteArray());
        out.flush();
        Path target = classes.resolve(RESOURCE);
        Files.createDirectories(target.getParent());
        Files.write(target, bundle.toByteArray());
    }
}
