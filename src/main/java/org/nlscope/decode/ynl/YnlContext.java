package org.nlscope.decode.ynl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nlscope.decode.DissectorLoadException;

/**
 * What one spec file's translation shares: its name in messages, the warnings so far,
 * its constants, and typed reads of the YAML tree that fail with the file and the path.
 */
final class YnlContext {
    private final String source;
    private final List<String> warnings = new ArrayList<>();
    /** const definitions by name: lengths and value-starts may name them. */
    final Map<String, Long> consts = new HashMap<>();

    YnlContext(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** A small inconsistency the kernel's own tools accept: loaded, and said once. */
    void warn(String path, String message) {
        warnings.add(source + ": " + path + ": " + message);
    }

    DissectorLoadException fail(String path, String message) {
        return new DissectorLoadException(source + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A text value, or null when the key is absent. */
    String text(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw fail(at(path, key), "expected a text value");
        }
        return v.asText();
    }

    String requireText(JsonNode node, String key, String path) {
        String v = text(node, key, path);
        if (v == null || v.isBlank()) {
            throw fail(at(path, key), "missing");
        }
        return v;
    }

    boolean flag(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw fail(at(path, key), "expected true or false");
        }
        return v.booleanValue();
    }

    /** A number, written as one or naming a const ("ETH_ALEN", "WG_KEY_LEN - 1"); null when absent. */
    Long number(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            Long resolved = resolve(v.textValue().trim());
            if (resolved != null) {
                return resolved;
            }
            throw fail(at(path, key), "'" + v.textValue() + "' is neither a number nor a const of this spec");
        }
        throw fail(at(path, key), "expected a number");
    }

    private Long resolve(String text) {
        if (text.endsWith("- 1")) {
            Long base = resolve(text.substring(0, text.length() - 3).trim());
            return base == null ? null : base - 1;
        }
        try {
            return text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return consts.get(text);
        }
    }

    /** The list under a key (empty when absent); each element is checked by the caller. */
    List<JsonNode> list(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw fail(at(path, key), "expected a list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** The mapping under a key, or null when absent. */
    JsonNode object(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw fail(at(path, key), "expected a mapping of keys");
        }
        return v;
    }

    /** An element of a list that must be a mapping. */
    JsonNode element(JsonNode v, String path) {
        if (v == null || !v.isObject()) {
            throw fail(path, "expected a mapping of keys");
        }
        return v;
    }
}
