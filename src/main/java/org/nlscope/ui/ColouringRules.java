package org.nlscope.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;

/**
 * View > Colouring Rules: display filters with the colours of the rows they match, first
 * match wins, as Wireshark's coloring rules. The defaults are the roles the table always
 * coloured (errors red, notifications yellow, dumps green...). Kept in the {@link Settings}.
 */
final class ColouringRules {

    static final String KEY = "colouring.rules";

    /** One rule; colours as #rrggbb, foreground empty for "the theme's text colour". */
    record Rule(boolean enabled, String name, String filter, String background, String foreground) {
        String encode() {
            return (enabled ? "1" : "0") + "\t" + name.replace('\t', ' ') + "\t" + background + "\t" + foreground
                    + "\t" + filter.replace('\t', ' ');
        }

        static Rule decode(String line) {
            String[] p = line.split("\t", 5);
            return p.length < 5 ? null : new Rule(p[0].equals("1"), p[1], p[4], p[2], p[3]);
        }
    }

    /** The role colours the table had before rules could be edited. */
    static final List<Rule> DEFAULTS = List.of(
            new Rule(true, "Malformed", "kind == malformed", "#3a3a3a", "#ffffff"),
            new Rule(true, "Error", "error", "#ffd2ce", ""),
            new Rule(true, "Notification", "notification", "#fff3cf", ""),
            new Rule(true, "Done", "done", "#d9eed9", ""),
            new Rule(true, "Dump part", "dump", "#ecf6ec", ""),
            new Rule(true, "ACK", "ack", "#eeeeee", ""),
            new Rule(true, "Request", "request", "#f3f7ff", ""));

    /** Rows whose colour was worked out, by store row; cleared when the rules or the capture change. */
    private static final int CACHE_LIMIT = 100_000;

    private final Settings settings;
    private final Filters filters;
    private List<Rule> rules;
    private List<BiPredicate<CaptureStore, MessageRow>> tests;
    private final Map<Integer, Integer> ruleOfRow = new HashMap<>();
    private CaptureStore store;
    private Runnable onChange = () -> { };

    ColouringRules(Settings settings, Filters filters) {
        this.settings = settings;
        this.filters = filters;
        List<Rule> saved = new ArrayList<>();
        for (String line : settings.getList(KEY)) {
            Rule r = Rule.decode(line);
            if (r != null) {
                saved.add(r);
            }
        }
        use(settings.get(KEY, null) == null ? DEFAULTS : saved);
    }

    void setOnChange(Runnable r) {
        onChange = r;
    }

    List<Rule> rules() {
        return rules;
    }

    /** Replaces the rules (a rule whose filter does not parse is kept but never matches) and saves them. */
    void set(List<Rule> newRules) {
        use(newRules);
        settings.putList(KEY, rules.stream().map(Rule::encode).toList());
        if (settings.get(KEY, null) == null) {
            settings.put(KEY, ""); // no rule at all is a choice too, not "the defaults"
        }
        onChange.run();
    }

    void restoreDefaults() {
        set(DEFAULTS);
    }

    /** The problem with a rule's filter, or null. */
    String problem(Rule r) {
        return filters.problem(r.filter());
    }

    /** The capture the rows come from: colours worked out for another are forgotten. */
    void setStore(CaptureStore s) {
        store = s;
        ruleOfRow.clear();
    }

    /** The first enabled rule that matches a row, or null. */
    Rule ruleFor(MessageRow row) {
        if (store == null || row == null) {
            return null;
        }
        if (ruleOfRow.size() > CACHE_LIMIT) {
            ruleOfRow.clear();
        }
        int i = ruleOfRow.computeIfAbsent(row.index(), k -> firstMatch(row));
        return i < 0 ? null : rules.get(i);
    }

    private int firstMatch(MessageRow row) {
        for (int i = 0; i < rules.size(); i++) {
            BiPredicate<CaptureStore, MessageRow> t = tests.get(i);
            try {
                if (rules.get(i).enabled() && t != null && t.test(store, row)) {
                    return i;
                }
            } catch (RuntimeException e) {
                // a row the rule cannot judge is not coloured by it
            }
        }
        return -1;
    }

    private void use(List<Rule> newRules) {
        rules = List.copyOf(newRules);
        List<BiPredicate<CaptureStore, MessageRow>> t = new ArrayList<>();
        for (Rule r : rules) {
            boolean valid = !r.filter().isBlank() && filters.problem(r.filter()) == null;
            BiPredicate<CaptureStore, MessageRow> p = valid ? filters.predicate(r.filter()) : null;
            t.add(valid && p == null ? (s, row) -> true : p);
        }
        tests = t;
        ruleOfRow.clear();
    }

    /** The inline style that paints a row with a rule's colours. */
    static String style(Rule r) {
        String s = "-fx-background: " + r.background() + ";";
        return r.foreground().isEmpty() ? s : s + " -fx-text-background-color: " + r.foreground() + ";";
    }
}
