package org.nlscope.decode.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.nlscope.decode.ynl.YnlLoader;

/**
 * The built-in dissector files as the trees their YAML reads to, written as one JSON file
 * into the jar when nlscope is built ({@link #main}): JSON reads in a tenth of the time
 * of YAML, and a run that decodes with the built-in files alone never loads SnakeYAML,
 * which was the largest part of start-up. Each tree is keyed by the file's relative path,
 * length and CRC-32, so it is used only for the very bytes it was made from; any other
 * file, or a missing or unreadable bundle, is read from its YAML as before.
 */
public final class ParsedDissectors {
    /** Where the bundle is on the class path (not under dissectors/, where every .json is a dissector file). */
    static final String RESOURCE = "org/nlscope/decode/spec/parsed-dissectors.json";
    private static final ParsedDissectors NONE = new ParsedDissectors(JsonNodeFactory.instance.objectNode());
    /** YNL specs read to BigInteger and BigDecimal numbers ({@code YamlTree}); nlscope's files to int and double. */
    private static final ObjectMapper OWN = JsonMapper.builder().build();
    private static final ObjectMapper YNL = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JsonNode files;

    private ParsedDissectors(JsonNode files) {
        this.files = files;
    }

    /** The bundle on this class path, or an empty one when there is none or it cannot be read. */
    static ParsedDissectors load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return NONE;
            }
            JsonNode root = OWN.readTree(in);
            JsonNode files = root == null ? null : root.get("files");
            return files != null && files.isObject() ? new ParsedDissectors(files) : NONE;
        } catch (IOException | RuntimeException e) {
            return NONE; // the YAML is still there: slower, never wrong
        }
    }

    /**
     * The tree of the built-in file at this relative path when the bundle holds these very
     * bytes, else null. A fresh tree each call: callers may lay one over another.
     */
    JsonNode tree(String relative, byte[] content) {
        JsonNode entry = files.get(relative);
        if (entry == null || entry.path("length").asLong(-1) != content.length || entry.path("crc").asLong(-1) != crc(content)) {
            return null;
        }
        try {
            return mapperFor(relative).readTree(entry.get("json").textValue());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ObjectMapper mapperFor(String relative) {
        return relative.startsWith(DissectorFiles.YNL_FOLDER) ? YNL : OWN;
    }

    private static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    /**
     * Writes the bundle of the dissector files under {@code CLASSES/dissectors} to
     * {@code CLASSES/}{@link #RESOURCE}; run by the build after the resources are copied.
     * A file that would not read back the same from JSON is left out (it is read from its YAML).
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path root = classes.resolve(DissectorFiles.BUILT_IN);
        ObjectNode files = JsonNodeFactory.instance.objectNode();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : paths) {
            String relative = root.relativize(p).toString().replace('\\', '/');
            boolean ynl = relative.startsWith(DissectorFiles.YNL_FOLDER);
            if (ynl ? !YnlLoader.isSpecFile(relative) : !SpecLoader.isSpecFile(relative)) {
                continue;
            }
            byte[] content = Files.readAllBytes(p);
            String source = DissectorFiles.BUILT_IN + "/" + relative;
            JsonNode tree = ynl ? YnlLoader.read(source, content) : SpecLoader.readTree(source, content);
            String json = OWN.writeValueAsString(tree);
            JsonNode back = mapperFor(relative).readTree(json);
            // nlscope's files are compared as the records they become (YAML reads 0x0080C20001000001 to a
            // BigInteger, JSON to a long: the same Long either way); the specs as trees, which YnlLoader walks
            boolean same = ynl ? back.equals(tree) : SpecLoader.parse(source, back).equals(SpecLoader.parse(source, tree));
            if (!same) {
                System.err.println(source + ": does not read back the same from JSON; left to its YAML");
                continue;
            }
            files.set(relative, JsonNodeFactory.instance.objectNode()
                    .put("length", content.length).put("crc", crc(content)).put("json", json));
        }
        Path out = classes.resolve(RESOURCE);
        Files.createDirectories(out.getParent());
        Files.writeString(out, OWN.writeValueAsString(Map.of("files", files)));
    }
}
