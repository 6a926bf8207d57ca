package io.watchkeeper.web.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text output. Values from clouds are attacker-controlled: control characters (terminal
 * escape sequences among them) are replaced before anything reaches the terminal.
 */
public final class Text {

    private Text() {}

    /** {@code value} with control characters shown as {@code ?}; null as "-". */
    public static String safe(Object value) {
        if (value == null) {
            return "-";
        }
        String s = value.toString();
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean control = cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 || cp == 0x2029
                    || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
            sb.appendCodePoint(control ? '?' : cp);
        });
        return sb.toString();
    }

    /** A table with a header row; cells are sanitised and cut at {@code maxWidth}. */
    public static String table(List<String> header, List<List<?>> rows, int maxWidth) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (List<?> row : rows) {
            cells.add(row.stream().map(v -> cut(safe(v), maxWidth)).toList());
        }
        int[] widths = new int[header.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                sb.append(cell);
                if (i < row.size() - 1) {
                    sb.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }
}
