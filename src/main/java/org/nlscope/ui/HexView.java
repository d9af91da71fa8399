package org.nlscope.ui;

import java.util.function.IntConsumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.geometry.Orientation;

/**
 * The bytes of one frame as offset, hex and ASCII columns. One range can be
 * highlighted (the selected tree node's bytes); a click on a byte reports its offset.
 * Draws only the visible lines on one canvas, so a 64 KiB dump costs nothing extra.
 */
public final class HexView extends Region {

    private static final double PAD = 6;
    /** The canvas's colours: it draws itself, so the theme's stylesheet cannot reach it. */
    record Palette(Color background, Color offset, Color text, Color highlight, Color highlightText) {
    }

    static final Palette LIGHT = new Palette(Color.web("#fdfdfd"), Color.web("#8a8a8a"), Color.web("#202020"),
            Color.web("#b8d7ff"), Color.web("#002a66"));
    static final Palette DARK = new Palette(Color.web("#1f2124"), Color.web("#7d8288"), Color.web("#dcdcdc"),
            Color.web("#2f5d9e"), Color.web("#ffffff"));

    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Font font = Font.font("Monospaced", 12.5);
    private final double charWidth;
    private final double lineHeight;

    private byte[] data = new byte[0];
    private HexLayout layout = new HexLayout(0);
    private int highlightStart = -1;
    private int highlightLength;
    private IntConsumer onByteClicked = offset -> { };
    private Palette palette = LIGHT;

    public HexView() {
        getStyleClass().add("hex-view");
        Text probe = new Text("0123456789abcdef");
        probe.setFont(font);
        charWidth = probe.getLayoutBounds().getWidth() / 16;
        lineHeight = Math.ceil(probe.getLayoutBounds().getHeight() + 2);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.valueProperty().addListener((o, a, b) -> draw());
        getChildren().addAll(canvas, scrollBar);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            int offset = byteAtPoint(e.getX(), e.getY());
            if (offset >= 0) {
                onByteClicked.accept(offset);
            }
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollBar.setValue(clamp(scrollBar.getValue() - Math.signum(e.getDeltaY()) * 3));
            e.consume();
        });
        setMinSize(120, 40);
    }

    /** Shows these bytes (shared, never modified) and clears the highlight. */
    public void setData(byte[] bytes) {
        data = bytes == null ? new byte[0] : bytes;
        layout = new HexLayout(data.length);
        highlightStart = -1;
        highlightLength = 0;
        scrollBar.setValue(0);
        requestLayout();
        draw();
    }

    public byte[] getData() {
        return data;
    }

    /** Highlights [offset, offset + length) and scrolls it into view; a negative offset clears it. */
    public void highlight(int offset, int length) {
        highlightStart = offset;
        highlightLength = Math.max(0, length);
        if (offset >= 0) {
            scrollToLine(layout.line(offset));
        }
        draw();
    }

    public int getHighlightStart() {
        return highlightStart;
    }

    public int getHighlightLength() {
        return highlightLength;
    }

    public void setOnByteClicked(IntConsumer handler) {
        onByteClicked = handler == null ? offset -> { } : handler;
    }

    /** The byte under a point of this view, or -1. */
    public int byteAtPoint(double x, double y) {
        int line = (int) scrollBar.getValue() + (int) Math.floor((y - PAD) / lineHeight);
        int column = (int) Math.floor((x - PAD) / charWidth);
        if (y < PAD || x < PAD) {
            return -1;
        }
        return layout.byteAt(line, column);
    }

    /** The centre of a byte's hex digits in this view's coordinates, scrolling it into view first. */
    public Point2D byteCenter(int offset) {
        scrollToLine(layout.line(offset));
        int line = layout.line(offset) - (int) scrollBar.getValue();
        int col = layout.hexColumn(offset % HexLayout.BYTES_PER_LINE);
        return new Point2D(PAD + (col + 1) * charWidth, PAD + (line + 0.5) * lineHeight);
    }

    /** Light or dark, as the window's theme. */
    public void setPalette(Palette p) {
        palette = p;
        draw();
    }

    Palette palette() {
        return palette;
    }

    private void scrollToLine(int line) {
        int first = (int) scrollBar.getValue();
        int visible = visibleLines();
        if (line < first) {
            scrollBar.setValue(clamp(line));
        } else if (line >= first + visible) {
            scrollBar.setValue(clamp(line - visible + 1));
        }
    }

    private int visibleLines() {
        return Math.max(1, (int) ((getHeight() - 2 * PAD) / lineHeight));
    }

    private double clamp(double v) {
        return Math.max(0, Math.min(scrollBar.getMax(), Math.round(v)));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sbw = scrollBar.prefWidth(-1);
        int max = Math.max(0, layout.lines() - visibleLines());
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(Math.max(1, visibleLines()));
        scrollBar.setVisible(max > 0);
        scrollBar.resizeRelocate(w - sbw, 0, sbw, h);
        canvas.setWidth(Math.max(0, w - (max > 0 ? sbw : 0)));
        canvas.setHeight(h);
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 2 * PAD + new HexLayout(0).width() * charWidth + 16;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 2 * PAD + 8 * lineHeight;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        int first = (int) scrollBar.getValue();
        int last = Math.min(layout.lines(), first + visibleLines() + 1);
        String offsetFormat = "%0" + layout.offsetDigits() + "x";
        for (int line = first; line < last && data.length > 0; line++) {
            double y = PAD + (line - first) * lineHeight;
            g.setFill(palette.offset());
            g.fillText(String.format(offsetFormat, line * HexLayout.BYTES_PER_LINE), PAD, y);
            for (int i = 0; i < HexLayout.BYTES_PER_LINE; i++) {
                int offset = line * HexLayout.BYTES_PER_LINE + i;
                if (offset >= data.length) {
                    break;
                }
                boolean lit = offset >= highlightStart && offset < highlightStart + highlightLength;
                double hx = PAD + layout.hexColumn(i) * charWidth;
                double ax = PAD + layout.asciiColumn(i) * charWidth;
                if (lit) {
                    boolean litNext = offset + 1 < highlightStart + highlightLength && i != 7 && i != HexLayout.BYTES_PER_LINE - 1;
                    g.setFill(palette.highlight());
                    g.fillRect(hx - 1, y, (litNext ? 3 : 2) * charWidth + 1, lineHeight);
                    g.fillRect(ax, y, charWidth, lineHeight);
                }
                g.setFill(lit ? palette.highlightText() : palette.text());
                int b = data[offset] & 0xff;
                g.fillText(Character.toString(Character.forDigit(b >> 4, 16)) + Character.forDigit(b & 0xf, 16), hx, y);
                g.fillText(Character.toString(HexLayout.printable(data[offset])), ax, y);
            }
        }
    }
}
