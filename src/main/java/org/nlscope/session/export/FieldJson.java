package org.nlscope.session.export;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nlscope.model.Field;

/** The attributes, fixed headers and struct values of {@link FrameJson}'s messages. */
final class FieldJson {

    private static final byte[] NESTED = JsonWriter.ascii(",\"nested\":true,\"attributes\":");
    private static final byte[] VALUE = JsonWriter.ascii(",\"value\":");
    private static final byte[] VALUE_NAME = JsonWriter.ascii(",\"value_name\":");
    private static final byte[] VALUE_NAMES = JsonWriter.ascii(",\"value_names\":");
    private static final byte[] PROBLEM = JsonWriter.ascii(",\"problem\":");

    private FieldJson() {
    }

    static void attributes(List<Field> attrs, JsonWriter g) throws IOException {
        g.raw('[');
        for (int i = 0, n = attrs.size(); i < n; i++) {
            Field a = attrs.get(i);
            if (i > 0) {
                g.raw(',');
            }
            g.raw(FrameJson.OFFSET);
            g.number(a.offset());
            g.raw(FrameJson.LEN);
            g.number(a.length());
            g.raw(FrameJson.TYPE);
            g.number(a.type());
            g.raw(FrameJson.NAME);
            g.string(a.name());
            if (a.nested()) {
                g.raw(NESTED);
                attributes(a.children(), g);
            } else {
                g.raw(VALUE);
                value(a, g);
                if (a.valueName() != null) {
                    g.raw(VALUE_NAME);
                    g.string(a.valueName());
                }
                if (!a.valueNames().isEmpty()) {
                    g.raw(VALUE_NAMES);
                    FrameJson.strings(a.valueNames(), g);
                }
            }
            if (a.problem() != null) {
                g.raw(PROBLEM);
                g.string(a.problem());
            }
            g.raw('}');
        }
        g.raw(']');
    }

    /** A field's value: a scalar, or for a struct-typed value an object of its members (an array when they repeat). */
    private static void value(Field f, JsonWriter g) throws IOException {
        List<Field> children = f.children();
        if (children.isEmpty()) {
            g.scalar(f.value());
        } else if (uniqueNames(children)) {
            members(children, g);
        } else {
            g.raw('[');
            for (int i = 0, n = children.size(); i < n; i++) {
                if (i > 0) {
                    g.raw(',');
                }
                value(children.get(i), g);
            }
            g.raw(']');
        }
    }

    /** Members as an object name -> value (the fixed header, a struct). */
    static void members(List<Field> members, JsonWriter g) throws IOException {
        g.raw('{');
        for (int i = 0, n = members.size(); i < n; i++) {
            Field m = members.get(i);
            if (i > 0) {
                g.raw(',');
            }
            g.key(m.label());
            value(m, g);
        }
        g.raw('}');
    }

    private static boolean uniqueNames(List<Field> fields) {
        int n = fields.size();
        if (n <= 8) { // a struct's few members: compared pairwise, no set made
            for (int i = 0; i < n; i++) {
                String name = fields.get(i).name();
                if (name == null) {
                    return false;
                }
                for (int j = 0; j < i; j++) {
                    if (name.equals(fields.get(j).name())) {
                        return false;
                    }
                }
            }
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (f.name() == null || !seen.add(f.name())) {
                return false;
            }
        }
        return true;
    }
}
