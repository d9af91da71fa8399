package org.nlscope.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nlscope.decode.Dissector;
import org.nlscope.model.ProcessInfo;
import org.nlscope.session.MessageRow;
import org.nlscope.uapi.Errno;
import org.nlscope.uapi.Netlink;

/**
 * The words the display filter field completes: the language's own (kinds, fields, and / or /
 * not), the attribute and header member names of the loaded dissectors, and for a field the
 * names of its values (message types, errnos, flags, an attribute's enum).
 */
final class FilterVocabulary {

    /** The language's fields and words, as the Display Filter Reference lists them. */
    private static final List<String> WORDS = List.of("request", "reply", "dump", "done", "ack", "error",
            "notification", "malformed", "problems", "genl", "errno", "family", "type", "flags", "seq", "port", "len",
            "frame", "msgtype", "process", "direction", "kind", "info", "and", "or", "not");
    /** Message types above this are not looked at (as the filter's own check does). */
    private static final int MAX_TYPE = 1024;

    private final TreeSet<String> names;
    private final Map<String, List<String>> values;

    private FilterVocabulary(TreeSet<String> names, Map<String, List<String>> values) {
        this.names = names;
        this.values = values;
    }

    static FilterVocabulary of(Collection<Dissector> dissectors) {
        FilterVocabulary v = new FilterVocabulary(new TreeSet<>(String.CASE_INSENSITIVE_ORDER),
                new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        v.names.addAll(WORDS);
        TreeSet<String> types = new TreeSet<>(Netlink.CONTROL_TYPE_NAMES);
        for (Dissector d : dissectors) {
            for (int t = 0; t < MAX_TYPE; t++) {
                String n = d.messageName(t);
                if (n != null) {
                    types.add(n);
                }
            }
            d.filterFields().forEach((field, names) -> {
                v.names.add(field);
                if (!names.isEmpty()) {
                    v.values.merge(field, names, (a, b) -> a.size() >= b.size() ? a : b);
                }
            });
        }
        v.values.put("type", List.copyOf(types));
        List<String> errnos = new ArrayList<>();
        for (int e = 1; e < 200; e++) {
            if (Errno.name(e) != null) {
                errnos.add(Errno.name(e));
            }
        }
        v.values.put("errno", errnos);
        v.values.put("flags", Netlink.FLAG_NAMES);
        v.values.put("direction", List.of("to_kernel", "from_kernel"));
        v.values.put("kind", java.util.Arrays.stream(MessageRow.Kind.values())
                .map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
        return v;
    }

    /** This vocabulary with the command names of a capture's processes as the values of {@code process}. */
    FilterVocabulary withProcesses(Collection<ProcessInfo> processes) {
        TreeSet<String> commands = new TreeSet<>();
        processes.forEach(p -> {
            if (p.name() != null) {
                commands.add(p.name());
            }
        });
        if (commands.isEmpty()) {
            return this;
        }
        Map<String, List<String>> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        more.putAll(values);
        more.put("process", List.copyOf(commands));
        return new FilterVocabulary(names, more);
    }

    /** Fields and words starting with a prefix (any case), in order. */
    List<String> namesStartingWith(String prefix, int max) {
        return startingWith(names.tailSet(prefix, true), prefix, max);
    }

    /** The value names of a field starting with a prefix; none for a field whose values are numbers or text. */
    List<String> valuesOf(String field, String prefix, int max) {
        List<String> all = values.getOrDefault(field, List.of());
        return startingWith(all, prefix, max);
    }

    boolean knowsField(String field) {
        return values.containsKey(field);
    }

    private static List<String> startingWith(Collection<String> from, String prefix, int max) {
        String p = prefix.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (s.toLowerCase(Locale.ROOT).startsWith(p)) {
                if (!s.equalsIgnoreCase(prefix)) {
                    out.add(s);
                }
                if (out.size() >= max) {
                    break;
                }
            } else if (from instanceof java.util.SortedSet<?>) {
                break; // sorted: nothing after this starts with the prefix
            }
        }
        return out;
    }
}
