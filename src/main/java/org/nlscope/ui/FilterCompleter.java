package org.nlscope.ui;

import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;

/**
 * The filter field's completion list: shown under the field as the user types, with the
 * {@link FilterCompletion} at the caret. Down and Up move in it, Tab or Enter (once in the
 * list) takes the word, Escape closes it; typing goes on in the field meanwhile.
 */
final class FilterCompleter {

    private final TextField field;
    private final Supplier<FilterVocabulary> vocabulary;
    private final ListView<String> list = new ListView<>();
    private final Popup popup = new Popup();
    private FilterCompletion.Suggestions shown;
    /** True between a key typed and the text change it makes: a setText from code offers nothing. */
    private boolean typing;

    FilterCompleter(TextField field, Supplier<FilterVocabulary> vocabulary) {
        this.field = field;
        this.vocabulary = vocabulary;
        list.setId("filterCompletions");
        list.setPrefWidth(320);
        list.setFocusTraversable(false);
        list.setOnMouseClicked(e -> take(list.getSelectionModel().getSelectedItem()));
        popup.getContent().add(list);
        popup.setAutoHide(true);
        field.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String c = e.getCharacter();
            typing = !c.isEmpty() && c.charAt(0) >= ' ' && c.charAt(0) != 127; // a printable key, not Enter or Tab
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        field.textProperty().addListener((o, was, now) -> {
            if (typing) {
                typing = false;
                javafx.application.Platform.runLater(this::offer); // once the caret has moved past the key
            } else {
                hide();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                hide();
            }
        });
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    ListView<String> list() {
        return list;
    }

    private void offer() {
        String text = field.getText() == null ? "" : field.getText();
        shown = FilterCompletion.at(text, Math.min(field.getCaretPosition(), text.length()), vocabulary.get());
        if (shown.words().isEmpty() || field.getScene() == null) {
            hide();
            return;
        }
        list.getItems().setAll(shown.words());
        list.getSelectionModel().clearSelection();
        list.setPrefHeight(Math.min(shown.words().size(), 10) * 24 + 4);
        if (!popup.isShowing()) {
            Bounds b = field.localToScreen(field.getBoundsInLocal());
            popup.show(field, b.getMinX(), b.getMaxY());
        }
    }

    private void hide() {
        popup.hide();
    }

    private void key(KeyEvent e) {
        if (!popup.isShowing()) {
            return;
        }
        int at = list.getSelectionModel().getSelectedIndex();
        switch (e.getCode()) {
            case DOWN -> list.getSelectionModel().select(Math.min(at + 1, list.getItems().size() - 1));
            case UP -> list.getSelectionModel().select(Math.max(at - 1, 0));
            case TAB -> take(at >= 0 ? list.getItems().get(at) : list.getItems().get(0));
            case ENTER -> {
                if (at < 0) {
                    hide();
                    return; // Enter applies the filter as typed
                }
                take(list.getItems().get(at));
            }
            case ESCAPE -> hide();
            default -> {
                return;
            }
        }
        if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
        }
        e.consume();
    }

    private void take(String word) {
        if (word == null || shown == null) {
            return;
        }
        String text = shown.apply(field.getText(), word);
        int caret = shown.start() + word.length();
        hide();
        field.setText(text);
        field.positionCaret(caret);
    }
}
