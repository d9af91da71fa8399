package org.nlscope.ui;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.nlscope.session.MessageRow;

/**
 * Sizes the message table's columns to what they hold, as Wireshark does: each column as
 * wide as its header and its widest value among the first rows, and the Info column
 * takes the rest. When that does not fit, the columns a reader needs least give way first
 * (Seq, Port, Flags...), so Info keeps {@link #INFO_MIN} pixels in view. A column the user
 * sized keeps its width.
 */
final class ColumnFit {

    /** Rows measured: enough to see every kind of message in a typical capture, cheap to measure. */
    static final int SAMPLE = 400;
    static final double INFO_MIN = 240;
    /** Of a column's distinct values in the sample, this many of the longest are measured. */
    private static final int MEASURED = 8;
    /** A cell's padding and the sort arrow's room, in pixels. */
    private static final double PADDING = 18;
    /** A vertical scroll bar and the table's border. */
    private static final double CHROME = 20;

    /** Who gives way when the window is narrow, in order: the type is cut last. */
    private static final List<String> GIVE_WAY = List.of("Seq", "Port", "Flags", "Latency", "Direction", "Type");

    private ColumnFit() {
    }

    /**
     * Fits the columns to the rows, within the table's width.
     *
     * @param columns the visible columns but Info
     * @param fixed   those the user sized: they keep their width and never give way
     */
    @SuppressWarnings("unchecked")
    static void fit(List<TableColumn<MessageRow, ?>> columns, java.util.Set<TableColumn<MessageRow, ?>> fixed,
                    List<MessageRow> rows, double tableWidth, Font font) {
        int n = columns.size();
        double[] wanted = new double[n];
        double[] least = new double[n];
        Text probe = new Text();
        probe.setFont(font);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            TableColumn<MessageRow, ?> c = columns.get(i);
            if (fixed.contains(c)) {
                wanted[i] = least[i] = c.getWidth();
                sum += wanted[i];
                continue;
            }
            least[i] = width(probe, c.getText()) + PADDING;
            double w = least[i];
            if (c.getUserData() instanceof Function<?, ?> f) {
                Function<MessageRow, String> value = (Function<MessageRow, String>) f;
                java.util.Set<String> values = new java.util.HashSet<>();
                for (int r = 0; r < Math.min(SAMPLE, rows.size()); r++) {
                    String v = value.apply(rows.get(r));
                    values.add(v == null ? "" : v);
                }
                // laying out text is what costs: only the longest few distinct values can be the widest
                for (String v : values.stream().sorted((a, b) -> b.length() - a.length()).limit(MEASURED).toList()) {
                    w = Math.max(w, width(probe, v) + PADDING);
                }
            }
            wanted[i] = Math.ceil(w);
            sum += wanted[i];
        }
        double over = sum + INFO_MIN + CHROME - tableWidth;
        // the columns a reader needs least give way first, each down to its header
        for (String title : GIVE_WAY) {
            for (int i = 0; i < n && over > 0; i++) {
                if (columns.get(i).getText().equals(title)) {
                    double cut = Math.min(over, wanted[i] - least[i]);
                    wanted[i] -= cut;
                    over -= cut;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!fixed.contains(columns.get(i))) {
                columns.get(i).setPrefWidth(wanted[i]);
            }
        }
    }

    private static double width(Text probe, String s) {
        probe.setText(s == null ? "" : s);
        return probe.getLayoutBounds().getWidth();
    }
}
