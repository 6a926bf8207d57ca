package io.watchkeeper.web.console;

import io.watchkeeper.auditors.compliance.ComplianceReport.TrendDay;
import io.watchkeeper.auditors.compliance.ComplianceReport.TrendPoint;
import io.watchkeeper.auditors.compliance.ControlState;
import java.util.ArrayList;
import java.util.List;

/** The compliance page's charts, computed on the server like {@link Charts}: geometry only, drawn as SVG by the template. */
final class ComplianceCharts {

    static final int CELL = 6;
    private static final int BASE = Charts.HEIGHT - 18;

    private ComplianceCharts() {}

    /** Per day, stacked: failing (bottom), passing, other (top) control-account pairs. */
    static List<Charts.Bar> trend(List<TrendDay> days) {
        long max = Math.max(1, days.stream().mapToLong(d -> d.pass() + d.fail() + d.other()).max().orElse(1));
        int slot = Charts.WIDTH / Math.max(1, days.size());
        int width = Math.max(1, slot - 2);
        List<Charts.Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            TrendDay d = days.get(i);
            int y = BASE;
            for (Object[] part : new Object[][] {{"fail", d.fail()}, {"pass", d.pass()}, {"other", d.other()}}) {
                int value = (Integer) part[1];
                int height = (int) Math.round((double) value / max * (BASE - 4));
                y -= height;
                bars.add(new Charts.Bar(i * slot, y, width, height, (String) part[0], d.day() + " " + part[0], value));
            }
        }
        return bars;
    }

    /** First and last day under the trend chart. */
    static List<Charts.Bar> labels(List<TrendDay> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        return List.of(new Charts.Bar(0, Charts.HEIGHT - 4, 0, 0, "label", days.getFirst().day().toString(), 0),
                new Charts.Bar(Charts.WIDTH, Charts.HEIGHT - 4, 0, 0, "label", days.getLast().day().toString(), 0));
    }

    /** One square per day: the control's combined state. */
    static List<Charts.Bar> sparkline(List<TrendPoint> points) {
        List<Charts.Bar> cells = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            String css = p.state() == ControlState.PASS ? "pass" : p.state() == ControlState.FAIL ? "fail" : "other";
            cells.add(new Charts.Bar(i * CELL, 0, CELL - 1, 10, css, p.day() + " " + p.state().label(), 0));
        }
        return cells;
    }
}
