package org.nlscope.decode.ynl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nlscope.decode.spec.FamilySpec.Message;

/**
 * A spec's {@code operations} as messages. {@code unified}: one id per operation, counted
 * from 1, for requests and replies alike. {@code directional}: requests and replies count
 * separately (a do or dump moves the request count, one with a reply the reply count; a
 * notify or event only the reply count), each half a message of its own direction. A
 * reply is named as the kernel's header names it: "{OP}_REPLY" when the reply ids are
 * counted (ethtool), else after the operation whose request has the same id (rtnetlink's
 * RTM_GETLINK is answered by RTM_NEWLINK), else the operation's own name.
 */
final class YnlOperations {
    /** One operation read: its name, ids and where its attributes and header come from. */
    private record Op(String cName, Integer request, Integer reply, boolean countedReply, boolean async,
                      String attributeSet, String header, boolean dump, String path) {
    }

    private final YnlContext cx;
    private final String scope;
    private final List<Op> ops = new ArrayList<>();
    private String familyHeader;

    YnlOperations(YnlContext cx, String scope) {
        this.cx = cx;
        this.scope = scope;
    }

    /** @param family the spec's name, for the default prefix */
    void read(JsonNode operations, String family, YnlAttributeSets sets, YnlDefinitions defs) {
        if (operations == null) {
            return;
        }
        String path = "operations";
        boolean directional = "directional".equals(cx.text(operations, "enum-model", path));
        String prefix = cx.text(operations, "name-prefix", path);
        prefix = prefix != null ? YnlNames.upper(prefix) : YnlNames.operationPrefix(family);
        String asyncPrefix = cx.text(operations, "async-prefix", path);
        asyncPrefix = asyncPrefix != null ? YnlNames.upper(asyncPrefix) : prefix;
        familyHeader = header(cx.text(operations, "fixed-header", path), path + ".fixed-header", defs);
        List<JsonNode> list = cx.list(operations, "list", path);
        // a notify names an operation that may come later in the list (rt-link's newlink-ntf, getlink)
        Map<String, String> setOf = new HashMap<>();
        for (JsonNode op : list) {
            if (op.isObject() && op.hasNonNull("attribute-set")) {
                setOf.put(op.path("name").asText(), op.get("attribute-set").asText());
            }
        }
        int req = 1;
        int rsp = 1;
        for (int i = 0; i < list.size(); i++) {
            String at = path + ".list[" + i + "]";
            JsonNode op = cx.element(list.get(i), at);
            String name = cx.requireText(op, "name", at);
            JsonNode mode = op.has("do") ? cx.object(op, "do", at) : cx.object(op, "dump", at);
            boolean async = op.has("notify") || op.has("event");
            String set = cx.text(op, "attribute-set", at);
            if (set == null && op.has("notify")) {
                set = setOf.get(cx.text(op, "notify", at));
            }
            if (set != null) {
                if (!sets.has(set)) {
                    cx.warn(at + ".attribute-set", "no attribute set '" + set + "'; its attributes show unnamed");
                    set = null;
                }
            }
            String header = header(cx.text(op, "fixed-header", at), at + ".fixed-header", defs);
            String cName = YnlNames.upper((async ? asyncPrefix : prefix) + name);
            Long value = cx.number(op, "value", at);
            boolean dump = op.has("dump");
            if (!directional) {
                int v = value != null ? Math.toIntExact(value) : req;
                req = v + 1;
                ops.add(new Op(cName, v, v, false, async, set, header, dump, at));
            } else if (async) {
                int v = value != null ? Math.toIntExact(value) : rsp;
                rsp = v + 1;
                // an explicit id (rt-link's newlink-ntf is 16) is the kernel's one id space: named by its request
                ops.add(new Op(cName, null, v, value == null, true, set, header, false, at));
            } else if (mode != null) {
                Long reqGiven = nested(mode, "request", at);
                Long rspGiven = nested(mode, "reply", at);
                int r = reqGiven != null ? Math.toIntExact(reqGiven) : req;
                req = r + 1;
                Integer reply = null;
                if (mode.has("reply")) {
                    reply = rspGiven != null ? Math.toIntExact(rspGiven) : rsp;
                    rsp = reply + 1;
                }
                ops.add(new Op(cName, r, reply, rspGiven == null, false, set, header, dump, at));
            } else {
                cx.warn(at, "'" + name + "' has neither do, dump, notify nor event; it has no id of its own");
            }
        }
    }

    private Long nested(JsonNode mode, String key, String path) {
        JsonNode half = mode.get(key);
        return half == null || !half.isObject() ? null : cx.number(half, "value", path + "." + key);
    }

    private String header(String name, String path, YnlDefinitions defs) {
        if (name == null) {
            return null;
        }
        if (!defs.hasStruct(name)) {
            cx.warn(path, "no struct '" + name + "' of a fixed size; the header is shown as bytes");
            return null;
        }
        return defs.structName(name);
    }

    /** The struct every operation without its own carries ({@code operations.fixed-header}), or null. */
    String familyHeader() {
        return familyHeader;
    }

    /** The fixed headers used, for selectors that name a header member. */
    List<String> headers() {
        List<String> out = new ArrayList<>();
        if (familyHeader != null) {
            out.add(familyHeader);
        }
        ops.forEach(o -> {
            if (o.header() != null) {
                out.add(o.header());
            }
        });
        return out;
    }

    /**
     * The messages, each id once per direction (several operations answered by one reply
     * type, as rtnetlink's are, name it once).
     *
     * @param headerPerMessage true for netlink-raw: the family's header goes on every message
     */
    List<Message> messages(boolean headerPerMessage) {
        Map<Integer, String> requestNames = new HashMap<>();
        ops.forEach(o -> {
            if (o.request() != null) {
                requestNames.putIfAbsent(o.request(), o.cName());
            }
        });
        Map<Integer, Message> requests = new LinkedHashMap<>();
        Map<Integer, Message> replies = new LinkedHashMap<>();
        List<Message> out = new ArrayList<>();
        java.util.Set<String> requestNamesUsed = new java.util.HashSet<>();
        java.util.Set<String> replyNamesUsed = new java.util.HashSet<>();
        for (Op o : ops) {
            if (o.request() != null && requestNamesUsed.contains(o.cName())
                    || o.request() == null && o.reply() != null && replyNamesUsed.contains(o.cName())) {
                cx.warn(o.path(), "'" + o.cName() + "' is named twice; the first is used");
                continue;
            }
            String header = o.header() != null ? o.header() : headerPerMessage ? familyHeader : null;
            String set = o.attributeSet() == null ? null : scope + o.attributeSet();
            String kind = o.dump() ? "get" : null;
            boolean same = o.request() != null && o.request().equals(o.reply()) && !o.countedReply();
            if (same && !requests.containsKey(o.request()) && !replies.containsKey(o.reply())) {
                Message both = new Message(o.cName(), o.request(), kind, header, set, null, null, null, null);
                requests.put(o.request(), both);
                replies.put(o.reply(), both);
                requestNamesUsed.add(o.cName());
                replyNamesUsed.add(o.cName());
                out.add(both);
                continue;
            }
            if (o.request() != null) {
                if (requests.containsKey(o.request())) {
                    cx.warn(o.path(), "the request id " + o.request() + " of '" + o.cName() + "' is taken; left out");
                } else {
                    Message m = new Message(o.cName(), o.request(), kind, header, set, null, null, "request", null);
                    requests.put(o.request(), m);
                    requestNamesUsed.add(o.cName());
                    out.add(m);
                }
            }
            if (o.reply() != null && !replies.containsKey(o.reply())) {
                String name = o.async() ? (o.countedReply() ? o.cName() : requestNames.getOrDefault(o.reply(), o.cName()))
                        : o.countedReply() ? o.cName() + "_REPLY"
                        : requestNames.getOrDefault(o.reply(), o.cName());
                if (!replyNamesUsed.add(name)) {
                    continue; // one reply type answers several operations, named once
                }
                Message m = new Message(name, o.reply(), null, header, set, null, null, "reply", null);
                replies.put(o.reply(), m);
                out.add(m);
            }
        }
        return out;
    }
}
