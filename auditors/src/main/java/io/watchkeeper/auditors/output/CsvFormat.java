package io.watchkeeper.auditors.output;

import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Justification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * Findings as CSV (RFC 4180 through Apache Commons CSV: comma separated, CRLF line ends, double
 * quotes doubled), one header row then one row per finding. Cells that a spreadsheet would run as a
 * formula are neutralised (see {@link CsvCells}); everything else is written as it is, including
 * newlines inside quotes.
 */
public final class CsvFormat implements FindingFormat {

    static final List<String> HEADER = List.of("fingerprint", "status", "severity", "score", "check", "title",
            "account", "account_id", "region", "resource_type", "resource_id", "resource_name", "evidence_key",
            "message", "controls", "first_seen", "status_changed_at", "regressions", "justified_by",
            "justified_until", "justification", "remediation");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public String render(List<FindingView> findings, CheckCatalog catalog) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CsvCells.FORMAT)) {
            CsvCells.row(printer, HEADER);
            for (FindingView f : findings) {
                CsvCells.row(printer, row(f, catalog.text(f.check())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(FindingView f, CheckText check) {
        Justification j = f.justification();
        return List.of(nz(f.fingerprint()), lower(f.status()), lower(f.severity()),
                Integer.toString(f.score()), nz(f.check()), check.title(), nz(f.account()), nz(f.accountId()),
                nz(f.region()), nz(f.type()), nz(f.resourceId()), nz(f.resourceName()), nz(f.evidenceKey()),
                nz(f.message()), f.controls() == null ? "" : String.join(";", f.controls()), time(f.firstSeen()),
                time(f.statusChangedAt()), Integer.toString(f.regressions()), j == null ? "" : nz(j.by()),
                j == null ? "" : time(j.until()), j == null ? "" : nz(j.reason()), check.remediation());
    }

    private static String lower(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : t.toInstant().toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
