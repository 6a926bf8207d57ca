package io.watchkeeper.web.console;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff of two pretty-printed configurations, computed by java-diff-utils (Myers'
 * algorithm). Changed lines pair up row by row; surplus lines face a gap. Inputs beyond
 * {@link #MAX_LINES} lines each are compared by position only, so a hostile configuration cannot
 * make the page slow.
 */
public final class LineDiff {

    static final int MAX_LINES = 3000;

    private LineDiff() {}

    /** One row: left and right text (null for a gap) and how it differs. */
    public record Row(String left, String right, String leftCss, String rightCss) {}

    public static List<Row> rows(String leftText, String rightText) {
        List<String> a = leftText == null ? List.of() : leftText.lines().toList();
        List<String> b = rightText == null ? List.of() : rightText.lines().toList();
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            return positional(a, b);
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int at = delta.getSource().getPosition();
            while (i < at) {
                rows.add(same(a.get(i++)));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
                String l = k < removed.size() ? removed.get(k) : null;
                String r = k < added.size() ? added.get(k) : null;
                rows.add(new Row(l, r, l == null ? "gap" : "del", r == null ? "gap" : "add"));
            }
            i = at + removed.size();
        }
        while (i < a.size()) {
            rows.add(same(a.get(i++)));
        }
        return rows;
    }

    private static Row same(String line) {
        return new Row(line, line, "same", "same");
    }

    private static List<Row> positional(List<String> a, List<String> b) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
            String l = k < a.size() ? a.get(k) : null;
            String r = k < b.size() ? b.get(k) : null;
            boolean same = l != null && l.equals(r);
            rows.add(new Row(l, r, same ? "same" : l == null ? "gap" : "del", same ? "same" : r == null ? "gap" : "add"));
        }
        return rows;
    }
}
