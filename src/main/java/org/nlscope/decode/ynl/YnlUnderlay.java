package org.nlscope.decode.ynl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A spec over an older one of the same name (the system's nftables.yaml over nlscope's
 * built-in one): the older one's C-name prefixes (and entry names) fill in where the newer
 * leaves the default, its attributes and explicitly numbered operations the newer does not have are
 * kept, an attribute both name keeps the older's number, and its shape unless the older says
 * only bytes (ovs_packet's key is a nest of ovs_flow's sets in the built-in file, bytes in the
 * kernel's; nftables' lookup numbers are the header's), and the older's definitions, sets,
 * sub-messages and sub-message formats (nftables' expressions) the newer has not are kept,
 * so a kernel's spec never names less than nlscope's built-in one.
 */
final class YnlUnderlay {
    /** The keys that say how an attribute's payload decodes. */
    private static final String[] SHAPE = {"type", "nested-attributes", "sub-type", "struct", "sub-message",
        "selector", "enum", "enum-as-flags", "display-hint", "byte-order", "multi-attr"};

    private YnlUnderlay() {
    }

    static JsonNode over(JsonNode newer, JsonNode older) {
        ObjectNode out = newer.deepCopy();
        byName(out.path("sub-messages"), older.path("sub-messages")).forEach((n, pair) -> formats(pair[0], pair[1]));
        byName(out.path("definitions"), older.path("definitions")).forEach((n, pair) -> {
            if (!pair[0].has("name-prefix") && pair[1].hasNonNull("name-prefix")) {
                entries(pair[0], pair[1]); // the newer's names are no C names: the older's, value by value
            }
            prefix(pair[0], pair[1]);
        });
        byName(out.path("attribute-sets"), older.path("attribute-sets")).forEach((n, pair) -> {
            if (!pair[0].has("subset-of") && !pair[1].has("subset-of")) {
                prefix(pair[0], pair[1]);
                shapes(pair[0], pair[1]);
                attributes((ObjectNode) pair[0], pair[1]);
            }
        });
        if (out.path("operations").isObject() && older.path("operations").isObject()) {
            ObjectNode ops = (ObjectNode) out.get("operations");
            prefix(ops, older.get("operations"));
            operations(ops, older.get("operations"));
        }
        for (String list : new String[] {"definitions", "attribute-sets", "sub-messages"}) {
            missing(out, list, older.path(list));
        }
        return out;
    }

    /** The older list's named elements whose names the newer list does not have, appended to it. */
    private static void missing(ObjectNode out, String list, JsonNode older) {
        if (!older.isArray() || out.has(list) && !out.get(list).isArray()) {
            return;
        }
        Set<String> names = new HashSet<>();
        out.path(list).forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode e : older) {
            if (e.isObject() && e.hasNonNull("name") && names.add(e.get("name").asText())) {
                (out.has(list) ? (ArrayNode) out.get(list) : out.putArray(list)).add(e.deepCopy());
            }
        }
    }

    /** The older sub-message's formats for selector values the newer does not list. */
    private static void formats(ObjectNode newer, JsonNode older) {
        if (!newer.path("formats").isArray() || !older.path("formats").isArray()) {
            return;
        }
        Set<String> values = new HashSet<>();
        newer.get("formats").forEach(f -> values.add(f.path("value").asText()));
        for (JsonNode f : older.get("formats")) {
            if (f.isObject() && values.add(f.path("value").asText())) {
                ((ArrayNode) newer.get("formats")).add(f.deepCopy());
            }
        }
    }

    /**
     * What both sets name keeps the older's number, and its shape where the older gives it one:
     * a kernel's ABI renumbers nothing, and nlscope's built-in specs have them from the uapi
     * headers where the kernel's spec is wrong (nftables' NFTA_LOOKUP_SET_ID is 4, its ids are
     * big-endian, its set elements numbered entries). The shape of what the older says only as
     * bytes is the newer's.
     */
    private static void shapes(ObjectNode newer, JsonNode older) {
        if (!newer.path("attributes").isArray() || !older.path("attributes").isArray()) {
            return;
        }
        Map<String, JsonNode> old = new HashMap<>();
        Map<String, Integer> oldNumbers = numbers(older.get("attributes"));
        older.get("attributes").forEach(a -> old.putIfAbsent(a.path("name").asText(), a));
        Map<String, Integer> numbers = numbers(newer.get("attributes"));
        boolean renumbered = false;
        for (JsonNode a : newer.get("attributes")) {
            String name = a.path("name").asText();
            JsonNode o = old.get(name);
            if (!a.isObject() || o == null || !o.isObject()) {
                continue;
            }
            if (!plainBytes(o) && !"unused".equals(o.path("type").asText()) && !"pad".equals(o.path("type").asText())) {
                ObjectNode shaped = (ObjectNode) a;
                for (String key : SHAPE) {
                    shaped.remove(key);
                    if (o.has(key)) {
                        shaped.set(key, o.get(key).deepCopy());
                    }
                }
            }
            if (!oldNumbers.get(name).equals(numbers.get(name))) {
                numbers.put(name, oldNumbers.get(name));
                renumbered = true;
            }
        }
        if (renumbered) {
            // every number written out: one moved would move the counted ones after it
            newer.get("attributes").forEach(a -> {
                if (a.isObject() && numbers.containsKey(a.path("name").asText())) {
                    ((ObjectNode) a).put("value", numbers.get(a.path("name").asText()));
                }
            });
        }
    }

    /** Each attribute's number: its value, else the previous one's + 1 (the first is 1). */
    private static Map<String, Integer> numbers(JsonNode attributes) {
        Map<String, Integer> out = new HashMap<>();
        int next = 1;
        for (JsonNode a : attributes) {
            next = a.path("value").canConvertToInt() ? a.get("value").asInt() : next;
            out.putIfAbsent(a.path("name").asText(), next++);
        }
        return out;
    }

    private static boolean plainBytes(JsonNode a) {
        return "binary".equals(a.path("type").asText()) && !a.has("struct") && !a.has("sub-type")
                && !a.has("display-hint");
    }

    /** The newer enum's entries named as the older names their values (nftables' NF_ACCEPT, NFT_JUMP). */
    private static void entries(ObjectNode newer, JsonNode older) {
        if (!newer.path("entries").isArray() || !older.path("entries").isArray()) {
            return;
        }
        Map<Long, String> names = new HashMap<>();
        long next = older.path("value-start").asLong(0);
        for (JsonNode e : older.get("entries")) {
            next = e.path("value").canConvertToLong() ? e.get("value").asLong() : next;
            names.putIfAbsent(next++, e.isTextual() ? e.asText() : e.path("name").asText());
        }
        ArrayNode renamed = newer.arrayNode();
        next = newer.path("value-start").asLong(0);
        for (JsonNode e : newer.get("entries")) {
            next = e.path("value").canConvertToLong() ? e.get("value").asLong() : next;
            String name = names.getOrDefault(next, e.isTextual() ? e.asText() : e.path("name").asText());
            renamed.add(newer.objectNode().put("name", name).put("value", next++));
        }
        newer.set("entries", renamed);
    }

    /** The elements of two lists of named mappings that share a name: [newer, older]. */
    private static Map<String, ObjectNode[]> byName(JsonNode newer, JsonNode older) {
        Map<String, ObjectNode[]> out = new HashMap<>();
        if (!newer.isArray() || !older.isArray()) {
            return out;
        }
        Map<String, JsonNode> old = new HashMap<>();
        older.forEach(e -> old.putIfAbsent(e.path("name").asText(), e));
        newer.forEach(e -> {
            JsonNode o = old.get(e.path("name").asText());
            if (e.isObject() && o != null && o.isObject()) {
                out.put(e.path("name").asText(), new ObjectNode[] {(ObjectNode) e, (ObjectNode) o});
            }
        });
        return out;
    }

    private static void prefix(ObjectNode newer, JsonNode older) {
        if (!newer.has("name-prefix") && older.hasNonNull("name-prefix")) {
            newer.set("name-prefix", older.get("name-prefix"));
        }
    }

    /** The older set's attributes whose numbers the newer set does not use, with their numbers written out. */
    private static void attributes(ObjectNode newer, JsonNode older) {
        if (!newer.path("attributes").isArray() || !older.path("attributes").isArray()) {
            return;
        }
        Set<Integer> taken = new HashSet<>();
        Set<String> names = new HashSet<>();
        int next = 1;
        for (JsonNode a : newer.get("attributes")) {
            next = a.path("value").canConvertToInt() ? a.get("value").asInt() : next;
            taken.add(next++);
            names.add(a.path("name").asText());
        }
        ArrayNode list = (ArrayNode) newer.get("attributes");
        next = 1;
        for (JsonNode a : older.get("attributes")) {
            next = a.path("value").canConvertToInt() ? a.get("value").asInt() : next;
            int value = next++;
            if (a.isObject() && !taken.contains(value) && !names.contains(a.path("name").asText())
                    && !"unused".equals(a.path("type").asText())) {
                list.add(((ObjectNode) a.deepCopy()).put("value", value));
            }
        }
    }

    /** The older operations given an explicit request number the newer does not request. */
    private static void operations(ObjectNode newer, JsonNode older) {
        if (!newer.path("list").isArray() || !older.path("list").isArray()) {
            return;
        }
        Set<Integer> requested = new HashSet<>();
        Set<String> names = new HashSet<>();
        newer.get("list").forEach(op -> {
            requested.add(requestValue(op));
            names.add(op.path("name").asText());
        });
        for (JsonNode op : older.get("list")) {
            int v = requestValue(op);
            if (v >= 0 && !requested.contains(v) && !names.contains(op.path("name").asText())) {
                ((ArrayNode) newer.get("list")).add(op.deepCopy());
                requested.add(v);
            }
        }
    }

    /** An operation's explicit id: its own value (unified), else its request's; -1 when counted. */
    private static int requestValue(JsonNode op) {
        if (op.path("value").canConvertToInt()) {
            return op.get("value").asInt();
        }
        JsonNode mode = op.has("do") ? op.get("do") : op.path("dump");
        JsonNode v = mode.path("request").path("value");
        return v.canConvertToInt() ? v.asInt() : -1;
    }
}
