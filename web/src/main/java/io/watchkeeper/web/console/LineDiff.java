package io.watchkeeper.web.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff of two pretty-printed configurations (longest common subsequence).
 * Inputs beyond {@link #MAX_LINES} lines each are compared by position only, so a hostile
 * configuration cannot make the page quadratic.
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
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                rows.add(new Row(a.get(i++), b.get(j++), "same", "same"));
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                rows.add(new Row(null, b.get(j++), "gap", "add"));
            } else {
                rows.add(new Row(a.get(i++), null, "del", "gap"));
            }
        }
        return rows;
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
