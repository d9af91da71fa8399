package org.nlscope.decode.ynl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.spec.SpecLoader;
import org.nlscope.model.Limits;

/**
 * A YAML file as a tree, with its anchors and aliases resolved (the kernel's specs share
 * one {@code do:} between operations with {@code &name} and {@code *name}, which Jackson's
 * tree reader leaves as text). An alias shares the anchored node; the size the tree would
 * have written out is bounded, so a file of nested aliases cannot cost more than a big file.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = SpecLoader.yamlFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Nodes the tree may have with every alias written out. */
    static final long MAX_EXPANDED_NODES = Limits.MAX_SPEC_FILE_BYTES;

    private final String source;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<JsonNode, Long> sizes = new IdentityHashMap<>();
    private long expanded;

    private YamlTree(String source) {
        this.source = source;
    }

    static JsonNode read(String source, byte[] content) {
        if (content.length > Limits.MAX_SPEC_FILE_BYTES) {
            throw new DissectorLoadException(source + ": " + content.length + " bytes, larger than the limit of "
                    + Limits.MAX_SPEC_FILE_BYTES + " for a spec file");
        }
        YamlTree tree = new YamlTree(source);
        try (YAMLParser p = FACTORY.createParser(content)) {
            if (p.nextToken() == null) {
                throw new DissectorLoadException(source + ": the file is empty");
            }
            JsonNode root = tree.value(p);
            if (!root.isObject()) {
                throw new DissectorLoadException(source + ": the top level is not a mapping of keys");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw SpecLoader.loadError(source, e);
        } catch (IOException e) {
            throw new DissectorLoadException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The value whose first token is the parser's current one. */
    private JsonNode value(YAMLParser p) throws IOException {
        Object anchor = p.getObjectId();
        JsonToken t = p.currentToken();
        JsonNode node;
        long size = 1;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    JsonNode v = value(p);
                    size += sizes.getOrDefault(v, 1L);
                    o.set(key, v);
                }
                node = o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode v = value(p);
                    size += sizes.getOrDefault(v, 1L);
                    a.add(v);
                }
                node = a;
            }
            case VALUE_STRING -> {
                if (p.isCurrentAlias()) {
                    node = anchors.get(p.getText());
                    if (node == null) {
                        throw new DissectorLoadException(source + where(p) + ": the alias *" + p.getText()
                                + " names no anchor before it");
                    }
                    size = sizes.getOrDefault(node, 1L);
                } else {
                    node = NODES.textNode(p.getText());
                }
            }
            case VALUE_NUMBER_INT -> node = NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> node = NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> node = NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            default -> node = NODES.nullNode();
        }
        expanded += size;
        if (expanded > MAX_EXPANDED_NODES) {
            throw new DissectorLoadException(source + where(p) + ": its aliases write out to more than "
                    + MAX_EXPANDED_NODES + " values");
        }
        if (size > 1) {
            sizes.put(node, size);
        }
        if (anchor != null) {
            anchors.put(anchor.toString(), node);
        }
        return node;
    }

    private static String where(YAMLParser p) {
        var loc = p.currentLocation();
        return loc == null || loc.getLineNr() < 0 ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
