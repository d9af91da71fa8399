package org.nlscope.ui;

import java.util.BitSet;
import java.util.Collection;
import org.nlscope.session.MessageRow;

/**
 * The messages the user marked (Ctrl+M) or ignored (Ctrl+D) in the capture shown, by store
 * row. Marked rows stand out and can be jumped between and exported; ignored rows are drawn
 * faint, and Find and the exports pass over them, as Wireshark treats ignored packets.
 */
final class Marks {

    private final BitSet marked = new BitSet();
    private final BitSet ignored = new BitSet();
    private Runnable onChange = () -> { };

    void setOnChange(Runnable r) {
        onChange = r;
    }

    boolean isMarked(MessageRow r) {
        return r != null && marked.get(r.index());
    }

    /** By store row, for a search that must not decode rows. */
    boolean isMarked(int storeRow) {
        return marked.get(storeRow);
    }

    boolean isIgnored(MessageRow r) {
        return r != null && ignored.get(r.index());
    }

    /** By store row. */
    boolean isIgnored(int storeRow) {
        return ignored.get(storeRow);
    }

    /** Marks the rows, or unmarks them when all of them are marked already. */
    void toggleMarked(Collection<MessageRow> rows) {
        toggle(marked, rows);
    }

    /** Ignores the rows, or takes them back when all of them are ignored already. */
    void toggleIgnored(Collection<MessageRow> rows) {
        toggle(ignored, rows);
    }

    /** Ctrl+M (or with {@code ignore}, Ctrl+D) on some rows; returns what the status line says. */
    String toggle(Collection<MessageRow> rows, boolean ignore) {
        toggle(ignore ? ignored : marked, rows);
        return markedCount() + " marked, " + ignoredCount() + " ignored";
    }

    int markedCount() {
        return marked.cardinality();
    }

    int ignoredCount() {
        return ignored.cardinality();
    }


    void unmarkAll() {
        marked.clear();
        onChange.run();
    }

    /** A new capture: nothing is marked or ignored. */
    void clear() {
        marked.clear();
        ignored.clear();
        onChange.run();
    }

    private void toggle(BitSet set, Collection<MessageRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        boolean all = rows.stream().allMatch(r -> set.get(r.index()));
        rows.forEach(r -> set.set(r.index(), !all));
        onChange.run();
    }
}
