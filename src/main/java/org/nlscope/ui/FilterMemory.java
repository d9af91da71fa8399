package org.nlscope.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters a user applied lately (newest first, the filter bar's drop-down) and the ones
 * saved as buttons (label and expression), kept in the {@link Settings}.
 */
final class FilterMemory {

    static final String HISTORY = "filters.history";
    static final String SAVED = "filters.saved";
    static final int MAX_HISTORY = 20;

    /** A saved filter button. */
    record Saved(String label, String expression) {
    }

    private final Settings settings;

    FilterMemory(Settings settings) {
        this.settings = settings;
    }

    List<String> history() {
        return settings.getList(HISTORY);
    }

    /** Puts an applied filter first in the history (once); blank ones are not kept. */
    void remember(String expression) {
        String e = expression == null ? "" : expression.strip();
        if (e.isEmpty()) {
            return;
        }
        List<String> list = new ArrayList<>(history());
        list.remove(e);
        list.add(0, e);
        settings.putList(HISTORY, list.subList(0, Math.min(MAX_HISTORY, list.size())));
    }

    List<Saved> saved() {
        List<Saved> out = new ArrayList<>();
        for (String item : settings.getList(SAVED)) {
            int tab = item.indexOf('\t');
            if (tab > 0) {
                out.add(new Saved(item.substring(0, tab), item.substring(tab + 1)));
            }
        }
        return out;
    }

    /** Saves a button; one of the same label is replaced. */
    void save(String label, String expression) {
        String l = label.strip().replace('\t', ' ');
        List<Saved> list = new ArrayList<>(saved());
        list.removeIf(s -> s.label().equals(l));
        list.add(new Saved(l, expression.strip()));
        store(list);
    }

    void remove(String label) {
        List<Saved> list = new ArrayList<>(saved());
        list.removeIf(s -> s.label().equals(label));
        store(list);
    }

    private void store(List<Saved> list) {
        settings.putList(SAVED, list.stream().map(s -> s.label() + "\t" + s.expression()).toList());
    }
}
