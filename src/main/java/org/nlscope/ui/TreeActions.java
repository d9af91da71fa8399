package org.nlscope.ui;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.nlscope.session.export.DetailNode;

/**
 * The detail tree's context menu: Apply as Filter, Prepare as Filter (alone, or joined to the
 * filter in the field with and / or / and not / or not, not applied), Copy Value, Copy Name,
 * Copy as Filter, Expand All, Collapse All. A node's label ("IFLA_MTU (4): 50") gives its
 * name and value.
 */
final class TreeActions {

    /** "NAME (4): value" or "name: value"; the name is a kernel constant or struct member. */
    private static final Pattern LABEL = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)(?: \\(\\d+\\))?: (.*)$");
    private static final Pattern PLAIN = Pattern.compile("-?\\d+|0x[0-9a-fA-F]+|[A-Za-z_][A-Za-z0-9_]*");

    private TreeActions() {
    }

    /** How Prepare as Filter joins the field's filter and the node: the menu's text and the operator. */
    enum Join {
        ALONE("_Selected", null), AND("…_and Selected", "and"), OR("…_or Selected", "or"),
        AND_NOT("…a_nd not Selected", "and not"), OR_NOT("…o_r not Selected", "or not"), NOT("No_t Selected", "not");

        final String text;
        final String operator;

        Join(String text, String operator) {
            this.text = text;
            this.operator = operator;
        }
    }

    /**
     * The filter that joins {@code current} (blank: none) and {@code term}: {@code current and term},
     * with the current filter in brackets when it has an {@code or} the {@code and} would split.
     */
    static String join(String current, Join join, String term) {
        String c = current == null ? "" : current.strip();
        boolean negate = join == Join.NOT || join == Join.AND_NOT || join == Join.OR_NOT;
        String t = negate ? "not (" + term + ")" : term;
        if (join == Join.ALONE || join == Join.NOT || c.isEmpty()) {
            return t;
        }
        boolean and = join == Join.AND || join == Join.AND_NOT;
        boolean hasOr = c.matches("(?i).*(\\bor\\b|\\|\\|).*");
        return (and && hasOr ? "(" + c + ")" : c) + (and ? " and " : " or ") + t;
    }

    static void install(TreeView<DetailNode> tree, Consumer<String> applyFilter, Consumer<String> prepareFilter,
                        java.util.function.Supplier<String> currentFilter) {
        MenuItem apply = MainMenu.item("_Apply as Filter", null, () -> forSelected(tree, f -> applyFilter.accept(f.filter())));
        javafx.scene.control.Menu prepare = new javafx.scene.control.Menu("_Prepare as Filter");
        prepare.setId("prepareAsFilter");
        for (Join j : Join.values()) {
            MenuItem item = MainMenu.item(j.text, null,
                    () -> forSelected(tree, f -> prepareFilter.accept(join(currentFilter.get(), j, f.filter()))));
            item.setId("prepare-" + j.name());
            prepare.getItems().add(item);
        }
        MenuItem copyValue = MainMenu.item("Copy _Value", null, () -> forSelected(tree, f -> copy(f.value())));
        MenuItem copyName = MainMenu.item("Copy _Name", null, () -> forSelected(tree, f -> copy(f.name())));
        MenuItem copyFilter = MainMenu.item("Copy as _Filter", null, () -> forSelected(tree, f -> copy(f.filter())));
        MenuItem expand = MainMenu.item("_Expand All", null, () -> setExpanded(tree.getRoot(), true));
        MenuItem collapse = MainMenu.item("_Collapse All", null, () -> setExpanded(tree.getRoot(), false));
        ContextMenu menu = new ContextMenu(apply, prepare, copyFilter, copyValue, copyName, new SeparatorMenuItem(),
                expand, collapse);
        menu.setOnShowing(e -> {
            boolean field = field(selected(tree)) != null;
            for (MenuItem i : new MenuItem[] {apply, prepare, copyValue, copyName, copyFilter}) {
                i.setDisable(!field);
            }
        });
        tree.setContextMenu(menu);
    }

    /** A node as a filter term. */
    record Term(String name, String value) {
        String filter() {
            return name + " == " + (PLAIN.matcher(value).matches() ? value : '"' + value.replace("\"", "") + '"');
        }
    }

    /** The name and value a node's label shows, or null for a node that is no field (a heading, a note). */
    static Term field(DetailNode node) {
        if (node == null) {
            return null;
        }
        Matcher m = LABEL.matcher(node.label());
        if (!m.matches() || m.group(2).isBlank()) {
            return null;
        }
        String name = m.group(1);
        if (name.indexOf('_') < 0 && (name.equals(name.toLowerCase(java.util.Locale.ROOT)) || name.matches("[A-Z][a-z]+"))) {
            return null; // "error", "length", "Message": words of the tree, not fields a filter can name
        }
        String value = m.group(2).strip();
        // "-22 (EINVAL)" and "50 (0x32)": the name in brackets is what a filter matches best
        Matcher named = Pattern.compile("^\\S+ \\(([A-Z][A-Z0-9_]*)\\)$").matcher(value);
        return new Term(name, named.matches() ? named.group(1) : value);
    }

    private static DetailNode selected(TreeView<DetailNode> tree) {
        TreeItem<DetailNode> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    private static void forSelected(TreeView<DetailNode> tree, Consumer<Term> action) {
        Term t = field(selected(tree));
        if (t != null) {
            action.accept(t);
        }
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    static void setExpanded(TreeItem<DetailNode> item, boolean on) {
        if (item == null) {
            return;
        }
        item.setExpanded(on || item.getParent() == null); // the frame's root stays open
        item.getChildren().forEach(c -> setExpanded(c, on));
    }
}
