package org.nlscope.ui;

import javafx.stage.Stage;

/**
 * The View menu's choices that outlive the window: the columns, the time format, folding,
 * the colouring rules and the theme, kept in the {@link Settings} and applied to the window.
 */
final class ViewOptions {

    static final String TIME_FORMAT = "view.timeFormat";
    static final String FOLD = "view.fold";

    private final Stage owner;
    private final Settings settings;
    private final MessageTable table;
    private final ColumnLayout columns;
    private final ColouringRules colouring;
    private final Theme theme;
    private ColumnChooser chooser;
    private ColouringDialog colouringDialog;
    private java.util.function.Consumer<Boolean> onFold = on -> { };

    ViewOptions(Stage owner, Settings settings, MessageTable table, Filters filters, HexView hex) {
        this.owner = owner;
        this.theme = new Theme(settings, hex);
        this.settings = settings;
        this.table = table;
        this.columns = new ColumnLayout(table, settings);
        table.setTimeFormat(TimeFormat.named(settings.get(TIME_FORMAT, TimeFormat.RELATIVE.name())));
        this.colouring = new ColouringRules(settings, filters);
        colouring.setOnChange(table::refresh);
        table.setColouring(r -> {
            ColouringRules.Rule rule = colouring.ruleFor(r);
            return rule == null ? null : ColouringRules.style(rule);
        });
    }

    boolean fold() {
        return Boolean.parseBoolean(settings.get(FOLD, "false"));
    }

    /** View > Fold ACKs and DONEs: saved, and passed on to the view of the session. */
    void setFold(boolean on) {
        settings.put(FOLD, Boolean.toString(on));
        onFold.accept(on);
    }

    void setOnFold(java.util.function.Consumer<Boolean> listener) {
        onFold = listener;
        listener.accept(fold());
    }

    Theme theme() {
        return theme;
    }

    ColouringRules colouring() {
        return colouring;
    }

    /** View > Colouring Rules…: opens (or raises) the editor. */
    ColouringDialog showColouring() {
        if (colouringDialog == null) {
            colouringDialog = new ColouringDialog(owner, colouring);
        }
        colouringDialog.show();
        return colouringDialog;
    }

    Settings settings() {
        return settings;
    }

    ColumnLayout columns() {
        return columns;
    }

    TimeFormat timeFormat() {
        return table.timeFormat();
    }

    void setTimeFormat(TimeFormat format) {
        table.setTimeFormat(format);
        settings.put(TIME_FORMAT, format.name());
    }

    /** View > Columns…: opens (or raises) the column chooser. */
    ColumnChooser showColumnChooser() {
        if (chooser == null) {
            chooser = new ColumnChooser(owner, columns);
        }
        chooser.show();
        return chooser;
    }
}
