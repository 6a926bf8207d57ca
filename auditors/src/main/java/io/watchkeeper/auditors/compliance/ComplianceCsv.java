package io.watchkeeper.auditors.compliance;

import io.watchkeeper.auditors.compliance.ComplianceReport.AccountState;
import io.watchkeeper.auditors.compliance.ComplianceReport.ControlResult;
import io.watchkeeper.auditors.output.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * A compliance report as CSV: one row per control and account (RFC 4180, formula cells neutralised
 * like the findings CSV), the failing resources of a row in one cell.
 */
public final class ComplianceCsv {

    static final List<String> HEADER = List.of("control", "section", "level", "assessment", "title", "account", "state",
            "reason", "failing_findings", "failing_resources", "checks", "at");
    private static final int RESOURCES_IN_CELL = 20;

    private ComplianceCsv() {}

    public static String render(ComplianceReport report) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CsvCells.FORMAT)) {
            CsvCells.row(printer, HEADER);
            for (ControlResult c : report.controls()) {
                if (c.accounts().isEmpty()) {
                    CsvCells.row(printer, List.of(c.id(), c.section(), String.valueOf(c.level()), c.assessment(), c.title(), "",
                            c.state().label(), "", "0", "", String.join(" ", c.checks()), report.at().toString()));
                }
                for (AccountState a : c.accounts()) {
                    CsvCells.row(printer, List.of(c.id(), c.section(), String.valueOf(c.level()), c.assessment(), c.title(),
                            a.account(), a.state().label(), a.reason(), String.valueOf(a.failingFindings()), resources(a),
                            String.join(" ", c.checks()), report.at().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String resources(AccountState a) {
        List<String> shown = a.resources().stream().limit(RESOURCES_IN_CELL)
                .map(r -> r.resourceId() + " (" + r.checkId() + ", " + r.status().toLowerCase(java.util.Locale.ROOT) + ")")
                .toList();
        boolean more = a.more() || a.resources().size() > RESOURCES_IN_CELL;
        return String.join("; ", shown) + (more ? "; …" : "");
    }
}
