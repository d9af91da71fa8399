package org.nlscope.decode.ynl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.spec.FamilySpec;
import org.nlscope.decode.spec.FamilySpec.Format;
import org.nlscope.decode.spec.FamilySpec.Member;
import org.nlscope.decode.spec.FamilySpec.SubMessage;
import org.nlscope.decode.spec.SpecFile;
import org.nlscope.model.Limits;

/**
 * Reads a kernel YNL spec ({@code Documentation/netlink/specs/*.yaml}, plain or gzipped as
 * distributions ship them) of any protocol and translates it into a dissector file of the
 * format (docs/dissector-format.md), so one interpreter decodes both. Keys only the
 * kernel's code generator uses are ignored; doc strings are dropped. A malformed file is a
 * {@link DissectorLoadException} of one line naming the file and the YAML path.
 */
public final class YnlLoader {
    private static final Set<String> PROTOCOLS = Set.of("genetlink", "genetlink-c", "genetlink-legacy", "netlink-raw");

    private YnlLoader() {
    }

    /** True for the names a spec file may have: *.yaml, *.yml, and those gzipped. */
    public static boolean isSpecFile(String name) {
        String n = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** Translates a spec's bytes; {@code source} names the file in errors and warnings. */
    public static YnlFamily load(String source, byte[] content) {
        return translate(source, read(source, content));
    }

    /** A spec's bytes (gzipped or not) as a YAML tree, aliases resolved. */
    public static JsonNode read(String source, byte[] content) {
        return YamlTree.read(source, gunzip(source, content));
    }

    /** A spec over an older one of the same family: the older's names and numbers fill in (see {@link YnlUnderlay}). */
    public static JsonNode over(JsonNode newer, JsonNode older) {
        return YnlUnderlay.over(newer, older);
    }

    /**
     * The family a spec read with {@link #read} describes (its name and protocol), without
     * translating it: what a family compiled only when first used is found by.
     */
    public static DissectorKey key(String source, JsonNode root) {
        return key(new YnlContext(source), root);
    }

    private static DissectorKey key(YnlContext cx, JsonNode root) {
        String name = cx.requireText(root, "name", "");
        if (!isRaw(cx, root)) {
            return DissectorKey.genl(name);
        }
        Long protonum = cx.number(root, "protonum", "");
        if (protonum == null) {
            throw cx.fail("protonum", "missing: a netlink-raw spec names its netlink family by number");
        }
        if (protonum < 0 || protonum > 31) {
            throw cx.fail("protonum", protonum + " is not between 0 and 31");
        }
        return DissectorKey.netlink(protonum.intValue());
    }

    private static boolean isRaw(YnlContext cx, JsonNode root) {
        return "netlink-raw".equals(protocol(cx, root));
    }

    private static String protocol(YnlContext cx, JsonNode root) {
        String protocol = cx.text(root, "protocol", "");
        protocol = protocol == null ? "genetlink" : protocol;
        if (!PROTOCOLS.contains(protocol)) {
            throw cx.fail("protocol", "unknown protocol '" + protocol + "' (" + String.join(", ", PROTOCOLS.stream().sorted().toList()) + ")");
        }
        return protocol;
    }

    /** Translates a spec read with {@link #read}. */
    public static YnlFamily translate(String source, JsonNode root) {
        YnlContext cx = new YnlContext(source);
        String name = cx.requireText(root, "name", "");
        String protocol = protocol(cx, root);
        boolean raw = isRaw(cx, root);
        DissectorKey key = key(cx, root);
        // every object of the spec is named "spec:object" in its family's namespace, so the
        // specs of one netlink family (rt-link, rt-addr...) and nlscope's own files never collide
        String scope = name + ":";
        String ident = name.replace('-', '_');
        YnlDefinitions defs = new YnlDefinitions(cx, ident, scope);
        defs.read(cx.list(root, "definitions", ""));
        YnlAttributeSets sets = new YnlAttributeSets(cx, ident, scope, defs);
        sets.read(cx.list(root, "attribute-sets", ""));
        YnlOperations ops = new YnlOperations(cx, scope);
        ops.read(cx.object(root, "operations", ""), ident, sets, defs);

        Set<String> headerMembers = new HashSet<>();
        for (FamilySpec.Definition d : defs.definitions()) {
            if (ops.headers().contains(d.name())) {
                d.members().forEach((Member m) -> headerMembers.add(m.name()));
            }
        }
        List<JsonNode> subNodes = cx.list(root, "sub-messages", "");
        Map<String, JsonNode> subMessages = new LinkedHashMap<>();
        for (int i = 0; i < subNodes.size(); i++) {
            String path = "sub-messages[" + i + "]";
            JsonNode m = cx.element(subNodes.get(i), path);
            if (subMessages.putIfAbsent(cx.requireText(m, "name", path), m) != null) {
                cx.warn(path + ".name", "the sub-message '" + m.get("name").asText() + "' is defined twice; the first is used");
            }
        }
        YnlAttributes attributes = new YnlAttributes(cx, scope, defs, sets, subMessages.keySet(), headerMembers);
        List<FamilySpec.AttributeSet> attributeSets = sets.build(attributes);
        List<SubMessage> translatedSubs = subMessages(cx, scope, subMessages, sets, defs, subNodes);

        List<String> groups = new ArrayList<>();
        JsonNode mcast = cx.object(root, "mcast-groups", "");
        if (mcast != null) {
            List<JsonNode> list = cx.list(mcast, "list", "mcast-groups");
            for (int i = 0; i < list.size(); i++) {
                groups.add(cx.requireText(cx.element(list.get(i), "mcast-groups.list[" + i + "]"), "name",
                        "mcast-groups.list[" + i + "]"));
            }
        }
        FamilySpec spec = new FamilySpec(raw ? String.valueOf(key.netlinkFamily()) : null, raw ? null : name, null,
                raw ? null : ops.familyHeader(), defs.definitions(), attributeSets, translatedSubs, ops.messages(raw));
        return new YnlFamily(name, protocol, key, new SpecFile(source, spec), groups, cx.warnings());
    }

    /**
     * The sub-messages; a format's value that names an entry of the selector's enum
     * ("inet") becomes the entry's C name (AF_INET), as the interpreter compares it.
     */
    private static List<SubMessage> subMessages(YnlContext cx, String scope, Map<String, JsonNode> nodes,
                                                YnlAttributeSets sets, YnlDefinitions defs, List<JsonNode> order) {
        Map<String, String> selectorEnum = selectorEnums(cx, sets);
        List<SubMessage> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : nodes.entrySet()) {
            String path = "sub-messages[" + order.indexOf(e.getValue()) + "]";
            List<JsonNode> formats = cx.list(e.getValue(), "formats", path);
            List<Format> translated = new ArrayList<>();
            Set<String> values = new HashSet<>();
            for (int j = 0; j < formats.size(); j++) {
                String at = path + ".formats[" + j + "]";
                JsonNode f = cx.element(formats.get(j), at);
                String value = cx.requireText(f, "value", at);
                String en = selectorEnum.get(e.getKey());
                String cValue = en == null ? null : defs.entryCName(en, value);
                value = cValue != null ? cValue : value;
                String header = cx.text(f, "fixed-header", at);
                if (header != null && !defs.hasStruct(header)) {
                    cx.warn(at + ".fixed-header", "no struct '" + header + "' of a fixed size; shown as bytes");
                    header = null;
                }
                String set = cx.text(f, "attribute-set", at);
                if (set != null && !sets.has(set)) {
                    cx.warn(at + ".attribute-set", "no attribute set '" + set + "'; its attributes show unnamed");
                    set = null;
                }
                if (!values.add(value)) {
                    cx.warn(at + ".value", "'" + value + "' is listed twice; the first is used");
                    continue;
                }
                translated.add(new Format(value, header == null ? null : defs.structName(header),
                        set == null ? null : scope + set, null, null));
            }
            out.add(new SubMessage(scope + e.getKey(), null, translated));
        }
        return out;
    }

    /** For each sub-message, the YNL enum of the attribute that selects it, when it has one. */
    private static Map<String, String> selectorEnums(YnlContext cx, YnlAttributeSets sets) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String set : sets.names()) {
            for (YnlAttributeSets.Raw r : sets.attributes(set)) {
                JsonNode a = r.yaml();
                if (!"sub-message".equals(a.path("type").asText()) || !a.hasNonNull("selector")) {
                    continue;
                }
                YnlAttributeSets.Raw selector = sets.selector(set, a.get("selector").asText());
                if (selector != null && selector.yaml().hasNonNull("enum")) {
                    out.putIfAbsent(a.path("sub-message").asText(), selector.yaml().get("enum").asText());
                }
            }
        }
        return out;
    }

    private static byte[] gunzip(String source, byte[] content) {
        if (content.length < 2 || (content[0] & 0xff) != 0x1f || (content[1] & 0xff) != 0x8b) {
            return content;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > Limits.MAX_SPEC_FILE_BYTES) {
                    throw new DissectorLoadException(source + ": unpacks to more than the limit of "
                            + Limits.MAX_SPEC_FILE_BYTES + " bytes for a dissector file");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new DissectorLoadException(source + ": not a readable gzip file: " + e.getMessage(), e);
        }
    }
}
