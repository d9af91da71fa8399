package org.nlscope.decode.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes and reads a tree of keys and values (a kernel YNL spec as {@code YamlTree} reads
 * it) as bytes, keeping each number's kind, so that reading it back needs only Jackson's
 * node classes, not its parsers or mappers.
 */
final class TreeCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int NULL = 0, TRUE = 1, FALSE = 2, TEXT = 3, INT = 4, LONG = 5, BIG_INTEGER = 6,
            DOUBLE = 7, DECIMAL = 8, ARRAY = 9, OBJECT = 10;

    private TreeCodec() {
    }

    static void write(DataOutput out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case NULL -> out.writeByte(NULL);
            case BOOLEAN -> out.writeByte(node.booleanValue() ? TRUE : FALSE);
            case STRING -> {
                out.writeByte(TEXT);
                text(out, node.textValue());
            }
            case NUMBER -> {
                if (node.isInt()) {
                    out.writeByte(INT);
                    out.writeInt(node.intValue());
                } else if (node.isLong()) {
                    out.writeByte(LONG);
                    out.writeLong(node.longValue());
                } else if (node.isBigInteger()) {
                    out.writeByte(BIG_INTEGER);
                    bytes(out, node.bigIntegerValue().toByteArray());
                } else if (node.isDouble()) {
                    out.writeByte(DOUBLE);
                    out.writeDouble(node.doubleValue());
                } else if (node.isBigDecimal()) {
                    out.writeByte(DECIMAL);
                    bytes(out, node.decimalValue().unscaledValue().toByteArray());
                    out.writeInt(node.decimalValue().scale());
                } else {
                    throw new IOException("cannot write the number " + node);
                }
            }
            case ARRAY -> {
                out.writeByte(ARRAY);
                out.writeInt(node.size());
                for (JsonNode e : node) {
                    write(out, e);
                }
            }
            case OBJECT -> {
                out.writeByte(OBJECT);
                out.writeInt(node.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    text(out, e.getKey());
                    write(out, e.getValue());
                }
            }
            default -> throw new IOException("cannot write a " + node.getNodeType() + " node");
        }
    }

    static JsonNode read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case NULL:
                return NODES.nullNode();
            case TRUE:
            case FALSE:
                return NODES.booleanNode(tag == TRUE);
            case TEXT:
                return NODES.textNode(text(in));
            case INT:
                return NODES.numberNode(in.readInt());
            case LONG:
                return NODES.numberNode(in.readLong());
            case BIG_INTEGER:
                return NODES.numberNode(new BigInteger(bytes(in)));
            case DOUBLE:
                return NODES.numberNode(in.readDouble());
            case DECIMAL:
                return NODES.numberNode(new BigDecimal(new BigInteger(bytes(in)), in.readInt()));
            case ARRAY: {
                int n = length(in);
                ArrayNode a = NODES.arrayNode();
                for (int i = 0; i < n; i++) {
                    a.add(read(in));
                }
                return a;
            }
            case OBJECT: {
                int n = length(in);
                ObjectNode o = NODES.objectNode();
                for (int i = 0; i < n; i++) {
                    String key = text(in);
                    o.set(key, read(in));
                }
                return o;
            }
            default:
                throw new IOException("unknown node tag " + tag);
        }
    }

    private static void text(DataOutput out, String s) throws IOException {
        bytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static void bytes(DataOutput out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    /** A count or length, never more than the bytes left: each element takes at least one. */
    static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a length of " + n + " with " + in.available() + " bytes left");
        }
        return n;
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] b = new byte[length(in)];
        in.readFully(b);
        return b;
    }
}
