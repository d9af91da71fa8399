package org.nlscope.decode.spec;

import static org.nlscope.decode.spec.SpecChecks.checkByteOrder;
import static org.nlscope.decode.spec.SpecChecks.checkDisplay;
import static org.nlscope.decode.spec.SpecChecks.fail;
import static org.nlscope.decode.spec.SpecChecks.required;
import static org.nlscope.decode.spec.SpecChecks.requireText;
import static org.nlscope.decode.spec.SpecChecks.sorted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.AttributeSet;
import org.nlscope.decode.spec.FamilySpec.Definition;

/** Checks attribute sets: resolved type numbers, types and the options each type takes. */
final class AttributeSetCompiler {
    private final Map<String, ValueDecoder> decoders;

    AttributeSetCompiler(Map<String, ValueDecoder> decoders) {
        this.decoders = decoders;
    }

    AttrSetDef attributeSet(SpecFile f, String path, AttributeSet set, FamilyScope scope) {
        List<Attribute> resolved = new ArrayList<>();
        Map<Integer, String> values = new HashMap<>();
        Set<String> names = new HashSet<>();
        int next = 1;
        for (int i = 0; i < set.attributes().size(); i++) {
            String at = path + ".attributes[" + i + "]";
            Attribute a = required(f, at, set.attributes().get(i));
            String name = requireText(f, at + ".name", a.name());
            int value = a.value() != null ? a.value() : next;
            if (value < 0 || value > 0x3fff) {
                throw fail(f, at + ".value", "attribute type " + value + " is outside 0..16383");
            }
            if (!names.add(name)) {
                throw fail(f, at + ".name", "duplicate attribute '" + name + "' in set '" + set.name() + "'");
            }
            String other = values.putIfAbsent(value, name);
            if (other != null) {
                throw fail(f, at + ".value", "'" + name + "' has the value " + value + " of '" + other + "'");
            }
            next = value + 1;
            checkAttribute(f, at, a, set, scope);
            resolved.add(a.withValue(value));
        }
        return new AttrSetDef(set.name(), resolved);
    }

    private void checkAttribute(SpecFile f, String at, Attribute a, AttributeSet set, FamilyScope scope) {
        String type = requireText(f, at + ".type", a.type());
        if (!Types.ATTRIBUTE_TYPES.contains(type)) {
            throw fail(f, at + ".type", "unknown attribute type '" + type + "' (" + sorted(Types.ATTRIBUTE_TYPES) + ")");
        }
        String subType = a.subType();
        boolean arrayOfNests = "indexed-array".equals(type) && "nest".equals(subType);
        if ("indexed-array".equals(type)) {
            if (subType == null) {
                throw fail(f, at + ".sub-type", "missing: an indexed-array needs sub-type (" + sorted(Types.ARRAY_SUB_TYPES) + ")");
            }
            if (!Types.ARRAY_SUB_TYPES.contains(subType)) {
                throw fail(f, at + ".sub-type", "unknown sub-type '" + subType + "' (" + sorted(Types.ARRAY_SUB_TYPES) + ")");
            }
            if (a.levels() != null && a.levels() < 1) {
                throw fail(f, at + ".levels", "levels counts index levels: 1 or more");
            }
        } else if (a.levels() != null) {
            throw fail(f, at + ".levels", "only for indexed-array");
        } else if (subType != null) {
            if (!"binary".equals(type) || !Types.INTEGERS.containsKey(subType)) {
                throw fail(f, at + ".sub-type", "sub-type is for indexed-array, or an integer type for a binary array");
            }
        }
        if ("nest".equals(type) || arrayOfNests) {
            if (a.nestedAttributes() == null) {
                throw fail(f, at + ".nested-attributes", "missing: a nest needs nested-attributes");
            }
            scope.attributeSet(f, at + ".nested-attributes", a.nestedAttributes());
        } else if (a.nestedAttributes() != null) {
            throw fail(f, at + ".nested-attributes", "only for nest, or indexed-array of sub-type nest");
        }
        if ("sub-message".equals(type)) {
            if (a.subMessage() == null) {
                throw fail(f, at + ".sub-message", "missing: name the sub-message");
            }
            scope.subMessage(f, at + ".sub-message", a.subMessage());
            if (a.selector() == null || a.selector().isBlank()) {
                throw fail(f, at + ".selector", "missing: name the attribute whose value chooses the format");
            }
            if (a.selector().equals(a.name())) {
                throw fail(f, at + ".selector", "an attribute cannot select its own format");
            }
            if (!scope.knowsField(a.selector())) {
                throw fail(f, at + ".selector", "'" + a.selector() + "' names no attribute or header member of this family");
            }
        } else if (a.subMessage() != null || a.selector() != null) {
            throw fail(f, at + (a.subMessage() != null ? ".sub-message" : ".selector"), "only for type sub-message");
        }
        String scalar = "indexed-array".equals(type) ? subType : type;
        if (a.en() != null) {
            if (!Types.isInteger(scalar) && !"bitfield32".equals(type)) {
                throw fail(f, at + ".enum", "only integers and bitfield32 name an enum");
            }
            Definition d = scope.enumOrFlags(f, at + ".enum", a.en());
            if ("bitfield32".equals(type) && !"flags".equals(d.type())) {
                throw fail(f, at + ".enum", "a bitfield32 names flags, and '" + a.en() + "' is an enum");
            }
        }
        if (a.struct() != null) {
            if (!"binary".equals(scalar) && !"nest".equals(scalar)) {
                throw fail(f, at + ".struct", "only binary attributes (or a nest's header) can be a struct");
            }
            if (Boolean.TRUE.equals(a.repeat()) && !"binary".equals(scalar)) {
                throw fail(f, at + ".repeat", "only a binary struct repeats");
            }
            scope.struct(f, at + ".struct", a.struct());
        } else if (Boolean.TRUE.equals(a.repeat())) {
            throw fail(f, at + ".repeat", "repeat needs a struct");
        }
        if (a.decoder() != null) {
            if (!"binary".equals(type)) {
                throw fail(f, at + ".decoder", "only binary attributes take a decoder");
            }
            if (!decoders.containsKey(a.decoder())) {
                throw fail(f, at + ".decoder", "no value decoder '" + a.decoder() + "' is registered"
                        + (decoders.isEmpty() ? "" : " (registered: " + sorted(decoders.keySet()) + ")"));
            }
        }
        if (a.isSecret() && "flag".equals(type)) {
            throw fail(f, at + ".secret", "a flag has no payload to keep secret");
        }
        checkByteOrder(f, at, a.byteOrder(), Types.isInteger(scalar) || "binary".equals(type) && subType != null);
        checkDisplay(f, at, a.display(), "binary".equals(type) && subType != null ? subType : scalar);
    }

}
