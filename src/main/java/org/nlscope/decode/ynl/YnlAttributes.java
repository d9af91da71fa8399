package org.nlscope.decode.ynl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.nlscope.decode.spec.FamilySpec.Attribute;

/**
 * One YNL attribute in the format's words. What the format cannot hold exactly becomes
 * the nearest it can: {@code pad} is bytes, {@code nest-type-value} an indexed-array with
 * one level per type-value, a reference to something the spec lacks plain bytes (with a
 * warning). multi-attr needs nothing: repeated attributes decode one by one anyway.
 */
final class YnlAttributes {
    private final YnlContext cx;
    private final String scope;
    private final YnlDefinitions defs;
    private final YnlAttributeSets sets;
    private final Set<String> subMessages;
    private final Set<String> headerMembers;

    /**
     * @param subMessages   the sub-message names the spec defines
     * @param headerMembers C names of the fixed headers' members, where a selector may also be
     */
    YnlAttributes(YnlContext cx, String scope, YnlDefinitions defs, YnlAttributeSets sets, Set<String> subMessages,
                  Set<String> headerMembers) {
        this.cx = cx;
        this.scope = scope;
        this.defs = defs;
        this.sets = sets;
        this.subMessages = subMessages;
        this.headerMembers = headerMembers;
    }

    Attribute attribute(String set, YnlAttributeSets.Raw r) {
        JsonNode a = r.yaml();
        String at = r.path();
        String name = sets.cName(set, r.name());
        String type = cx.text(a, "type", at);
        if (type == null) {
            cx.warn(at + ".type", "'" + r.name() + "' has no type; shown as bytes");
            type = "binary";
        }
        String nested = cx.text(a, "nested-attributes", at);
        String subType = cx.text(a, "sub-type", at);
        Integer levels = null;
        String subMessage = null;
        String selector = null;
        switch (type) {
            case "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "uint", "sint", "string", "flag", "binary",
                 "bitfield32" -> { }
            case "pad" -> type = "binary";
            case "nest" -> {
                if (nested == null || !sets.has(nested)) {
                    type = bytes(at, r.name(), nested == null ? "a nest with no nested-attributes" : "no set '" + nested + "'");
                }
            }
            case "nest-type-value" -> {
                levels = Math.max(1, cx.list(a, "type-value", at).size());
                type = "indexed-array";
                subType = "nest";
                if (nested == null || !sets.has(nested)) {
                    type = bytes(at, r.name(), "no set '" + nested + "'");
                }
            }
            case "indexed-array" -> {
                if (subType == null || "nest".equals(subType) && (nested == null || !sets.has(nested))
                        || !"nest".equals(subType) && !YnlTypes.isInteger(subType)
                        && !Set.of("string", "binary").contains(subType)) {
                    type = bytes(at, r.name(), "an indexed-array of '" + subType + "' with set '" + nested + "'");
                }
            }
            case "sub-message" -> {
                subMessage = cx.text(a, "sub-message", at);
                String ynlSelector = cx.text(a, "selector", at);
                YnlAttributeSets.Raw found = ynlSelector == null ? null : sets.selector(set, ynlSelector);
                if (found != null) {
                    selector = found.name();
                } else if (ynlSelector != null && headerMembers.contains(YnlNames.member(ynlSelector))) {
                    selector = YnlNames.member(ynlSelector);
                }
                if (subMessage == null || !subMessages.contains(subMessage) || selector == null) {
                    type = bytes(at, r.name(), subMessage == null || !subMessages.contains(subMessage)
                            ? "no sub-message '" + subMessage + "'" : "no attribute '" + ynlSelector + "' to select by");
                    subMessage = null;
                    selector = null;
                } else {
                    subMessage = scope + subMessage;
                }
            }
            default -> type = bytes(at, r.name(), "the type '" + type + "', which this nlscope does not know");
        }
        boolean arrayOfNests = "indexed-array".equals(type) && "nest".equals(subType);
        if (!"nest".equals(type) && !arrayOfNests) {
            nested = null;
        }
        if (!"indexed-array".equals(type)) {
            levels = null;
            if (!"binary".equals(type) || subType == null || !YnlTypes.FIXED_INTEGERS.contains(subType)) {
                subType = null;
            }
        }
        String scalar = "indexed-array".equals(type) ? subType : type;
        String en = cx.text(a, "enum", at);
        if (en != null) {
            boolean asFlags = cx.flag(a, "enum-as-flags", at) || "bitfield32".equals(type);
            en = !YnlTypes.isInteger(scalar) && !"bitfield32".equals(type) ? null
                    : asFlags ? defs.asFlags(en) : defs.enumName(en);
        }
        String struct = cx.text(a, "struct", at);
        if (struct != null && (!"binary".equals(scalar) || !defs.hasStruct(struct))) {
            if ("binary".equals(scalar)) {
                cx.warn(at + ".struct", "no struct '" + struct + "' of a fixed size; '" + r.name() + "' shows as bytes");
            }
            struct = null;
        } else if (struct != null) {
            struct = defs.structName(struct);
        }
        String display = YnlTypes.display(cx.text(a, "display-hint", at), "binary".equals(type) && subType != null ? subType : scalar);
        String byteOrder = YnlTypes.byteOrder(cx.text(a, "byte-order", at), scalar, "binary".equals(type) ? subType : null);
        return new Attribute(name, r.value(), type, nested == null ? null : scope + nested, subType, subMessage, selector,
                en, display, byteOrder, struct, null, null, levels, null, null);
    }

    private String bytes(String at, String name, String why) {
        cx.warn(at, "'" + name + "': " + why + "; shown as bytes");
        return "binary";
    }
}
