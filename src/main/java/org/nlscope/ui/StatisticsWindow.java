package org.nlscope.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.nlscope.session.stats.Statistics;
import org.nlscope.model.TerminalText;

/**
 * The statistics of the capture shown: messages per family over time, the busiest
 * message types, and errors by errno. Redrawn once a second while open, from a
 * snapshot (cheap: counters, never a walk over the messages).
 */
public final class StatisticsWindow {

    /** Types beyond this many are summed into "other" so the chart stays readable. */
    static final int TOP_TYPES = 15;

    private final Stage stage = new Stage();
    private final Supplier<Statistics> source;
    private final Supplier<String> scope;
    private final Label summary = new Label();
    private final LineChart<Number, Number> overTime = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final BarChart<Number, String> byType = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final BarChart<String, Number> errors = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));

    public StatisticsWindow(Stage owner, Supplier<Statistics> source) {
        this(owner, source, () -> "");
    }

    /** @param scope what the counts are of, said before them ("Display filter: error. "), or "" for everything */
    public StatisticsWindow(Stage owner, Supplier<Statistics> source, Supplier<String> scope) {
        this.source = source;
        this.scope = scope;
        stage.initOwner(owner);
        stage.setTitle("Statistics — nlscope");
        overTime.setId("chartOverTime");
        byType.setId("chartByType");
        errors.setId("chartErrors");
        overTime.setTitle("Messages per second, by family");
        overTime.getXAxis().setLabel("seconds since the first frame");
        overTime.getYAxis().setLabel("messages");
        overTime.setCreateSymbols(false);
        overTime.setAnimated(false);
        byType.setTitle("Messages by type (top " + TOP_TYPES + ")");
        byType.setLegendVisible(false);
        byType.setAnimated(false);
        errors.setTitle("Errors by errno");
        errors.setLegendVisible(false);
        errors.setAnimated(false);
        TabPane tabs = new TabPane(new Tab("Over time", overTime), new Tab("By type", byType), new Tab("Errors", errors));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        summary.setId("statsSummary");
        summary.setPadding(new Insets(6, 10, 6, 10));
        stage.setScene(new Scene(new BorderPane(tabs, summary, null, null, null), 820, 560));
        refresh.setCycleCount(Timeline.INDEFINITE);
        stage.setOnShown(e -> refresh.play());
        stage.setOnHidden(e -> refresh.stop());
    }

    public void show() {
        refresh();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    public String summaryText() {
        return summary.getText();
    }

    /** Redraws every chart from a fresh snapshot. */
    public void refresh() {
        Statistics stats = source.get();
        if (stats == null) {
            return;
        }
        Statistics.Snapshot s = stats.snapshot();
        summary.setText(scope.get() + s.frames() + " frames, " + s.messages() + " messages, " + s.bytes() + " bytes, "
                + s.errors() + " errors" + (s.messages() == 0 ? "" : ", over "
                + String.format(java.util.Locale.ROOT, "%.1f s", (s.lastNanos() - s.firstNanos()) / 1e9)));

        Map<String, XYChart.Series<Number, Number>> families = new LinkedHashMap<>();
        for (String family : s.byFamily().keySet()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(TerminalText.escape(family));
            families.put(family, series);
        }
        double width = s.bucketNanos() / 1e9;
        for (Statistics.Bucket b : s.buckets()) {
            for (Map.Entry<String, XYChart.Series<Number, Number>> f : families.entrySet()) {
                long n = b.byFamily().getOrDefault(f.getKey(), 0L);
                f.getValue().getData().add(new XYChart.Data<>(b.startNanos() / 1e9, n / width));
            }
        }
        overTime.getData().setAll(families.values());

        List<Map.Entry<Statistics.TypeKey, Long>> types = new ArrayList<>(s.byType().entrySet());
        types.sort(Map.Entry.<Statistics.TypeKey, Long>comparingByValue(Comparator.reverseOrder()));
        XYChart.Series<Number, String> typeSeries = new XYChart.Series<>();
        long other = 0;
        for (int i = 0; i < types.size(); i++) {
            if (i < TOP_TYPES) {
                typeSeries.getData().add(0, new XYChart.Data<>(types.get(i).getValue(),
                        TerminalText.escape(types.get(i).getKey().type() + " (" + types.get(i).getKey().family() + ")")));
            } else {
                other += types.get(i).getValue();
            }
        }
        if (other > 0) {
            typeSeries.getData().add(0, new XYChart.Data<>(other, "other types"));
        }
        byType.getData().setAll(List.of(typeSeries));

        XYChart.Series<String, Number> errnoSeries = new XYChart.Series<>();
        s.errorsByErrno().forEach((errno, n) -> errnoSeries.getData().add(new XYChart.Data<>(errno, n)));
        errors.getData().setAll(List.of(errnoSeries));
    }
}
