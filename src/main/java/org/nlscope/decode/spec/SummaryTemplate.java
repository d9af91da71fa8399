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
 *
 * <p>{@code {A|B}} shows the first of A and B that has a value (FRA_TABLE, else the
 * header's table); a trailing {@code ?} makes 0 and an enum's 0 (AF_UNSPEC) absent too;
 * a placeholder glued to an absent one by a literal without spaces goes with it, so the
 * "/24" of "{FRA_SRC}/{src_len}" goes when FRA_SRC is absent; after a literal ending in
 * {@code #} a number shows as the number ("#3", not an interface's name).
 */
final class SummaryTemplate {
    /** A literal and the placeholder after it (no alternatives at the end). */
    private record Part(String literal, List<String[]> alternatives, boolean zeroIsAbsent) {
        boolean isPlaceholder() {
            return !alternatives.isEmpty();
        }

        boolean glued() {
            return !literal.isEmpty() && literal.chars().noneMatch(Character::isWhitespace);
        }
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
                parts.add(new Part(template.substring(pos), List.of(), false));
                break;
            }
            String inside = template.substring(open + 1, close);
            boolean zeroIsAbsent = inside.endsWith("?");
            if (zeroIsAbsent) {
                inside = inside.substring(0, inside.length() - 1);
            }
            List<String[]> alternatives = new ArrayList<>();
            for (String alternative : inside.split("\\|")) {
                alternatives.add(alternative.split("/"));
            }
            parts.add(new Part(template.substring(pos, open), List.copyOf(alternatives), zeroIsAbsent));
            pos = close + 1;
        }
    }

    /** Every name a placeholder's paths step through: the fields a summary-only decode must decode whole. */
    void addNames(Set<String> out) {
        for (Part p : parts) {
            for (String[] path : p.alternatives()) {
                out.addAll(List.of(path));
            }
        }
    }

    String render(List<Field> header, List<Field> attributes) {
        StringBuilder sb = new StringBuilder();
        boolean lastAbsent = false;
        for (Part p : parts) {
            if (!p.isPlaceholder()) {
                sb.append(p.literal());
                continue;
            }
            String value = lastAbsent && p.glued() ? null : value(p, header, attributes);
            lastAbsent = value == null || value.isEmpty();
            if (!lastAbsent) {
                sb.append(p.literal()).append(value);
            }
        }
        return collapseSpaces(sb);
    }

    private String value(Part p, List<Field> header, List<Field> attributes) {
        for (String[] path : p.alternatives()) {
            Field f = lookup(path, header, attributes);
            if (f == null || isNone(f) || p.zeroIsAbsent() && f.value() instanceof Number n && n.longValue() == 0) {
                continue;
            }
            return p.literal().endsWith("#") && f.value() instanceof Number n ? n.toString() : f.display();
        }
        return null;
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
