package io.watchkeeper.web.console;

import io.watchkeeper.core.dashboard.DashboardSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Chart geometry computed on the server and drawn as inline SVG by the templates: no chart
 * library, no script, nothing for a hostile label to execute.
 */
public final class Charts {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 160;
    private static final int BASE = HEIGHT - 18;

    private Charts() {}

    /** A bar: position, size, label and value (for the tooltip). */
    public record Bar(int x, int y, int width, int height, String css, String label, long value) {}

    /** Opened (left) and fixed (right) bars per day. */
    public static List<Bar> trend(List<DashboardSummary.Day> days) {
        long max = Math.max(1, days.stream().mapToLong(d -> Math.max(d.opened(), d.fixed())).max().orElse(1));
        int slot = WIDTH / Math.max(1, days.size());
        int half = Math.max(1, (slot - 2) / 2);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DashboardSummary.Day d = days.get(i);
            int x = i * slot;
            bars.add(bar(x, half, d.opened(), max, "opened", d.day() + " opened"));
            bars.add(bar(x + half, half, d.fixed(), max, "fixed", d.day() + " fixed"));
        }
        return bars;
    }

    /** Horizontal-axis labels: first, middle and last day. */
    public static List<Bar> trendLabels(List<DashboardSummary.Day> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        int slot = WIDTH / days.size();
        List<Bar> labels = new ArrayList<>();
        for (int i : new int[] {0, days.size() / 2, days.size() - 1}) {
            labels.add(new Bar(i * slot, HEIGHT - 4, 0, 0, "label", days.get(i).day().toString(), 0));
        }
        return labels;
    }

    /** One bar per count, largest first as given. */
    public static List<Bar> counts(List<DashboardSummary.Count> counts) {
        long max = Math.max(1, counts.stream().mapToLong(DashboardSummary.Count::value).max().orElse(1));
        int slot = WIDTH / Math.max(1, counts.size());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            bars.add(bar(i * slot, Math.max(1, slot - 6), counts.get(i).value(), max, "bar", counts.get(i).label()));
        }
        return bars;
    }

    private static Bar bar(int x, int width, long value, long max, String css, String label) {
        int height = (int) Math.round((double) value / max * (BASE - 4));
        return new Bar(x, BASE - height, width, height, css, label, value);
    }
}
