package io.watchkeeper.auditors.output;

/**
 * Writes CSV cells: RFC 4180 quoting, and spreadsheet formula neutralisation. A cell that starts
 * with {@code = + - @}, a tab or a carriage return (or their full-width forms) would run as a
 * formula when the file is opened in a spreadsheet; such cells get a leading apostrophe, which
 * spreadsheets show as text (OWASP "CSV injection").
 */
final class CsvCells {

    static final String LINE_END = "\r\n";

    private CsvCells() {}

    /** One cell, neutralised and quoted as needed; null is an empty cell. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(value) ? "'" + value : value;
        return needsQuotes(safe) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    static boolean startsLikeFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** One record: cells joined by commas, ended by CRLF. */
    static void row(StringBuilder out, Iterable<String> values) {
        boolean first = true;
        for (String v : values) {
            if (!first) {
                out.append(',');
            }
            out.append(cell(v));
            first = false;
        }
        out.append(LINE_END);
    }
}
