package org.nlscope.decode.spec;

import static org.nlscope.decode.spec.SpecChecks.checkByteOrder;
import static org.nlscope.decode.spec.SpecChecks.checkDisplay;
import static org.nlscope.decode.spec.SpecChecks.fail;
import static org.nlscope.decode.spec.SpecChecks.required;
import static org.nlscope.decode.spec.SpecChecks.requireText;
import static org.nlscope.decode.spec.SpecChecks.sorted;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlscope.decode.spec.FamilySpec.Definition;
import org.nlscope.decode.spec.FamilySpec.Entry;
import org.nlscope.decode.spec.FamilySpec.Member;
import org.nlscope.model.Limits;

/** Checks enum, flags and struct definitions and turns them into lookups. */
final class DefinitionCompiler {
    private DefinitionCompiler() {
    }

    static EnumDef enumDef(SpecFile f, String path, Definition d) {
        boolean flags = "flags".equals(d.type());
        if (!d.members().isEmpty()) {
            throw fail(f, path + ".members", "only structs have members; an " + d.type() + " has entries");
        }
        if (d.entries().isEmpty()) {
            throw fail(f, path + ".entries", "missing: an " + d.type() + " needs entries");
        }
        Map<Long, String> names = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        long next = d.valueStart() == null ? 0 : d.valueStart();
        if (flags) {
            if (next < 0 || next > 63) {
                throw fail(f, path + ".value-start", "a flags value-start is a bit number 0..63");
            }
            next = 1L << next;
        }
        for (int i = 0; i < d.entries().size(); i++) {
            String at = path + ".entries[" + i + "]";
            Entry e = required(f, at, d.entries().get(i));
            String name = requireText(f, at + ".name", e.name());
            long value = e.value() != null ? e.value() : next;
            if (!seen.add(name)) {
                throw fail(f, at + ".name", "duplicate entry '" + name + "'");
            }
            String other = names.putIfAbsent(value, name);
            if (other != null) {
                throw fail(f, at, "'" + name + "' has the value " + value + " of '" + other + "'");
            }
            if (flags) {
                if (value == 0) {
                    throw fail(f, at + ".value", "a flag needs a non-zero mask");
                }
                next = Long.highestOneBit(value) << 1;
            } else {
                next = value + 1;
            }
        }
        if (flags && Boolean.TRUE.equals(d.open())) {
            throw fail(f, path + ".open", "only an enum is open; flags already show unnamed bits in hex");
        }
        return new EnumDef(d.name(), flags, d.namePrefix(), names, Boolean.TRUE.equals(d.open()));
    }

    static StructDef structDef(SpecFile f, String path, Definition d, FamilyScope scope, Set<String> visiting) {
        if (!d.entries().isEmpty() || d.valueStart() != null || d.namePrefix() != null || d.open() != null) {
            throw fail(f, path, "a struct has members, not entries, value-start, name-prefix or open");
        }
        if (d.members().isEmpty()) {
            throw fail(f, path + ".members", "missing: a struct needs members");
        }
        if (!visiting.add(d.name())) {
            throw fail(f, path, "struct '" + d.name() + "' contains itself");
        }
        List<Integer> sizes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long size = 0;
        for (int i = 0; i < d.members().size(); i++) {
            String at = path + ".members[" + i + "]";
            Member m = required(f, at, d.members().get(i));
            String name = requireText(f, at + ".name", m.name());
            String type = requireText(f, at + ".type", m.type());
            if (!Types.MEMBER_TYPES.contains(type)) {
                throw fail(f, at + ".type", "unknown member type '" + type + "' (" + sorted(Types.MEMBER_TYPES) + ")");
            }
            if (!"pad".equals(type) && !names.add(name)) {
                throw fail(f, at + ".name", "duplicate member '" + name + "'");
            }
            int memberSize;
            if (Types.INTEGERS.containsKey(type)) {
                if (m.len() != null) {
                    throw fail(f, at + ".len", "a " + type + " has a fixed size; len is for pad, binary and string");
                }
                memberSize = Types.INTEGERS.get(type);
            } else if ("binary".equals(type) && m.struct() != null && m.len() == null) {
                Definition inner = scope.struct(f, at + ".struct", m.struct());
                Origin o = scope.definitionNames().get(m.struct());
                memberSize = structDef(o.file(), o.path(), inner, scope, visiting).size();
            } else {
                if (m.len() == null || m.len() <= 0) {
                    throw fail(f, at + ".len", m.len() == null ? "missing: a " + type + " member needs len"
                            : "len must be positive");
                }
                memberSize = m.len();
            }
            if (m.struct() != null) {
                if (!"binary".equals(type)) {
                    throw fail(f, at + ".struct", "only a binary member can be a struct");
                }
                scope.struct(f, at + ".struct", m.struct());
            }
            if (m.en() != null) {
                if (!Types.INTEGERS.containsKey(type)) {
                    throw fail(f, at + ".enum", "only integer members name an enum");
                }
                scope.enumOrFlags(f, at + ".enum", m.en());
            }
            checkByteOrder(f, at, m.byteOrder(), Types.INTEGERS.containsKey(type));
            checkDisplay(f, at, m.display(), type);
            sizes.add(memberSize);
            size += memberSize;
            // a struct no frame can hold is a mistake, and an int sum of lens could wrap to 0
            if (size > Limits.MAX_RECORD_BYTES) {
                throw fail(f, at + ".len", "struct '" + d.name() + "' would be " + size
                        + " bytes, larger than any frame (" + Limits.MAX_RECORD_BYTES + ")");
            }
        }
        visiting.remove(d.name());
        return StructDef.of(d.name(), d.members(), sizes, (int) size);
    }

}
