package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.Format;
import org.nlscope.decode.spec.FamilySpec.Member;

/**
 * One family's files compiled for the interpreter, as the kernel's nlspec.py turns YAML into
 * objects before ynl.py decodes: each attribute a typed {@link AttrSpec}, each struct a
 * {@link StructSpec}, every name the files use resolved to what it names, and the fields a
 * summary shows marked. The checked {@link Namespace} (file words and names) stays behind;
 * the decode looks nothing up by name. Immutable once made.
 */
final class FamilyModel {
    private final Namespace ns;
    private final Map<String, ValueDecoder> decoders;
    private final Set<String> summaryNames;
    private final Map<String, AttrSetSpec> sets = new HashMap<>();
    private final Map<String, StructSpec> structs = new HashMap<>();
    private final Map<String, SubMessageSpec> subMessages = new HashMap<>();
    /** Integer renderings by enum and display: most integers share a few. */
    private final Map<List<Object>, IntRendering.Sizes> renderings = new HashMap<>();

    /** @param summaryNames the fields a summary-only decode decodes whole: what the summaries show, and selectors */
    FamilyModel(Namespace ns, Map<String, ValueDecoder> decoders, Set<String> summaryNames) {
        this.ns = ns;
        this.decoders = decoders;
        this.summaryNames = Set.copyOf(summaryNames);
        // sets may nest each other (and themselves): make them all, then fill them
        ns.attributeSets().forEach((name, def) -> {
            int highest = -1;
            for (Attribute a : def.attributes()) {
                highest = Math.max(highest, a.value());
            }
            sets.put(name, new AttrSetSpec(name, highest));
        });
        ns.structs().keySet().forEach(this::struct);
        ns.subMessages().forEach((name, formats) -> {
            Map<String, SubMessageSpec.Format> compiled = new LinkedHashMap<>();
            formats.forEach((value, f) -> compiled.put(value, format(f)));
            subMessages.put(name, new SubMessageSpec(name, Map.copyOf(compiled)));
        });
        ns.attributeSets().forEach((name, def) -> {
            AttrSetSpec set = sets.get(name);
            for (Attribute a : def.attributes()) {
                set.define(a.value(), a.name(), attribute(a), this.summaryNames.contains(a.name()));
            }
        });
    }

    org.nlscope.decode.DissectorKey key() {
        return ns.key();
    }

    /** The set of this name, or null. */
    AttrSetSpec set(String name) {
        return name == null ? null : sets.get(name);
    }

    /** The struct of this name, or null. */
    StructSpec struct(String name) {
        if (name == null) {
            return null;
        }
        StructSpec s = structs.get(name);
        if (s == null) {
            StructDef def = ns.structs().get(name);
            if (def == null) {
                return null;
            }
            s = compile(def); // structs do not contain themselves (checked when compiled): this ends
            structs.put(name, s);
        }
        return s;
    }

    /** Whether a summary shows a field of this name (for fields named where they are decoded: array entries). */
    boolean summaryNames(String name) {
        return name != null && summaryNames.contains(name);
    }

    private SubMessageSpec.Format format(Format f) {
        AttrSpec value = f.type() == null ? null : attribute(new Attribute(null, null, f.type(), null, null, null,
                null, null, null, null, null, null, null, null, null, null));
        return new SubMessageSpec.Format(struct(f.struct()), set(f.attributeSet()), value);
    }

    private AttrSpec attribute(Attribute a) {
        EnumDef en = a.en() == null ? null : ns.enums().get(a.en());
        return switch (a.type()) {
            case "string" -> new AttrSpec.Text();
            case "flag" -> new AttrSpec.Flag();
            case "binary" -> binary(a, en);
            case "nest" -> new AttrSpec.Nest(struct(a.struct()), Objects.requireNonNull(set(a.nestedAttributes())));
            case "indexed-array" -> new AttrSpec.IndexedArray(attribute(a.entry(0)));
            case "sub-message" -> new AttrSpec.SubMessage(subMessages.get(a.subMessage()), a.selector());
            case "bitfield32" -> new AttrSpec.Bitfield32(renderings(en, Display.HEX).of(4, false));
            default -> {
                Display display = Display.of(a.display());
                yield new AttrSpec.Int(Objects.requireNonNull(IntType.of(a.type()), a.type()),
                        Types.isBigEndian(a.byteOrder()), en, display, renderings(en, display));
            }
        };
    }

    private AttrSpec binary(Attribute a, EnumDef en) {
        Display display = Display.of(a.display());
        if (a.decoder() != null) {
            return new AttrSpec.Decoded(decoders.get(a.decoder()), a.decoder());
        }
        if (a.struct() != null) {
            return new AttrSpec.StructValue(struct(a.struct()), Boolean.TRUE.equals(a.repeat()));
        }
        if (a.subType() != null) {
            return new AttrSpec.IntArray(IntType.of(a.subType()), Types.isBigEndian(a.byteOrder()), en, display,
                    renderings(en, display));
        }
        return new AttrSpec.Bytes(display);
    }

    private StructSpec compile(StructDef def) {
        List<StructSpec.Member> members = new ArrayList<>(def.members().size());
        for (int i = 0; i < def.members().size(); i++) {
            Member m = def.members().get(i);
            StructDef.Shape shape = def.shapes().get(i);
            EnumDef en = m.en() == null ? null : ns.enums().get(m.en());
            Display display = Display.of(m.display());
            StructSpec inner = shape.kind() == StructDef.Kind.STRUCT ? struct(m.struct()) : null;
            IntRendering rendering = shape.kind() == StructDef.Kind.INTEGER
                    ? renderings(en, display).of(shape.size(), shape.bigEndian()) : null;
            members.add(new StructSpec.Member(m.name(), shape.kind(), shape.size(), shape.signed(), shape.bigEndian(),
                    en, display, inner, rendering, m.name() != null && summaryNames.contains(m.name())));
        }
        return new StructSpec(def.name(), def.size(), List.copyOf(members), def.familyOffset(), def.familySize());
    }

    private IntRendering.Sizes renderings(EnumDef en, Display display) {
        return renderings.computeIfAbsent(java.util.Arrays.asList(en, display), k -> new IntRendering.Sizes(en, display));
    }
}
