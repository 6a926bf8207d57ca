package io.watchkeeper.web.console;

import io.watchkeeper.web.tuner.TunerService;
import java.util.ArrayList;
import java.util.List;

/**
 * The tuner page's granted-vs-used chart, computed on the server like {@link Charts}: one horizontal bar per account,
 * as long as its granted actions (scaled to the largest account), split into used, unknown, removable and the rest
 * kept (unused but not removable: ineligible principals, shared policies); drawn as SVG by the template with
 * attributes only (no inline style, no script), so the CSP holds.
 */
final class TunerCharts {

    static final int WIDTH = 600;
    static final int ROW = 34;
    static final int LABEL = 150;
    private static final int BAR = 16;

    private TunerCharts() {}

    /** A segment of an account's bar; {@code css} is one of used, unknown, removable, kept. */
    record Segment(int x, int y, int width, int height, String css, String label, long value) {}

    /** A row's text: the account and its four numbers. */
    record Label(int x, int y, String account, String numbers, long planId) {}

    record Chart(int height, List<Segment> segments, List<Label> labels) {}

    static Chart of(List<TunerService.AccountPicture> pictures) {
        long max = Math.max(1, pictures.stream().mapToLong(TunerService.AccountPicture::granted).max().orElse(1));
        int span = WIDTH - LABEL - 4;
        List<Segment> segments = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            TunerService.AccountPicture p = pictures.get(i);
            int y = i * ROW + 4;
            labels.add(new Label(0, y + 12, p.account(), p.granted() + " granted · " + p.used() + " used · " + p.removable()
                    + " removable · " + p.unknown() + " unknown", p.planId()));
            long kept = Math.max(0, p.granted() - p.used() - p.unknown() - p.removable());
            int x = LABEL;
            long[] values = {p.used(), p.unknown(), p.removable(), kept};
            String[] css = {"used", "unknown", "removable", "kept"};
            for (int k = 0; k < values.length; k++) {
                int w = (int) Math.round((double) values[k] / max * span);
                if (values[k] > 0) {
                    segments.add(new Segment(x, y, Math.max(1, w), BAR, css[k], p.account() + " " + css[k], values[k]));
                    x += Math.max(1, w);
                }
            }
        }
        return new Chart(Math.max(ROW, pictures.size() * ROW + 8), segments, labels);
    }
}
