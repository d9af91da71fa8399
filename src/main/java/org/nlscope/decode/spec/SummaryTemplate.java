package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nlscope.model.Field;

/**
 * A message's {@code summary:} template: "{IFLA_IFNAME} mtu {IFLA_MTU} {ifi_flags}".
 * A placeholder with no value disappears with the literal text before it (back to
 * the previous placeholder), so "mtu" goes when IFLA_MTU is absent. A flag set with
 * no bit set, or an interface index of 0, counts as absent: "0" says nothing there.
 */
final class SummaryTemplate {
    /** A literal and the placeholder after it (null at the end). */
    private record Part(String literal, String[] path) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final Set<String> zeroIsNone;

    /** @param zeroIsNone names of the fields whose 0 means none (flag sets, interface indexes) */
    SummaryTemplate(String template, Set<String> zeroIsNone) {
        this.zeroIsNone = Set.copyOf(zeroIsNone);
        int pos = 0;
        while (pos < template.length()) {
            int open = template.indexOf('{', pos);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                parts.add(new Part(template.substring(pos), null));
                break;
            }
            parts.add(new Part(template.substring(pos, open), template.substring(open + 1, close).split("/")));
            pos = close + 1;
        }
    }

    String render(List<Field> header, List<Field> attributes) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p.path() == null) {
                sb.append(p.literal());
                continue;
            }
            Field f = lookup(p.path(), header, attributes);
            String value = f == null || isNone(f) ? null : f.display();
            if (value != null && !value.isEmpty()) {
                sb.append(p.literal()).append(value);
            }
        }
        return collapseSpaces(sb);
    }

    private static String collapseSpaces(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (!space) {
                out.append(c);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
    }

    private boolean isNone(Field f) {
        return zeroIsNone.contains(f.name()) && f.valueNames().isEmpty() && "0".equals(f.display());
    }

    private static Field lookup(String[] path, List<Field> header, List<Field> attributes) {
        Field f = find(attributes, path[0]);
        if (f == null) {
            f = find(header, path[0]);
        }
        for (int i = 1; i < path.length && f != null; i++) {
            f = f.child(path[i]);
        }
        return f;
    }

    private static Field find(List<Field> fields, String name) {
        for (Field f : fields) {
            if (name.equals(f.name())) {
                return f;
            }
        }
        return null;
    }
}
