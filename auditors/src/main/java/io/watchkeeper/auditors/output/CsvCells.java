package io.watchkeeper.auditors.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV cells: Apache Commons CSV writes RFC 4180 (comma, CRLF, quotes only where needed, quotes
 * doubled); this class adds spreadsheet formula neutralisation. A cell that starts with
 * {@code = + - @}, a tab or a carriage return (or their full-width forms) would run as a formula
 * when the file is opened in a spreadsheet; such cells get a leading apostrophe, which spreadsheets
 * show as text (OWASP "CSV injection").
 */
public final class CsvCells {

    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.MINIMAL).get();

    private CsvCells() {}

    /** One cell as written, neutralised and quoted as needed; null is an empty cell. */
    static String cell(String value) {
        return FORMAT.format((Object) neutralise(value));
    }

    /** The value with a leading apostrophe when a spreadsheet would run it; null or empty → null (an empty cell). */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return startsLikeFormula(value) ? "'" + value : value;
    }

    static boolean startsLikeFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    /** One record of neutralised cells. */
    public static void row(CSVPrinter printer, List<String> values) {
        try {
            printer.printRecord(values.stream().map(CsvCells::neutralise));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
