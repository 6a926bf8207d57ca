package io.watchkeeper.auditors.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

    private final CsvFormat csv = new CsvFormat();

    @Test
    void headerThenOneRecordPerFindingWithCrlfLineEnds() {
        String out = csv.render(TestFindings.hostile(), TestFindings.catalog());
        List<List<String>> rows = parse(out);
        assertThat(rows).hasSize(7);
        assertThat(rows.getFirst()).containsExactlyElementsOf(CsvFormat.HEADER);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(CsvFormat.HEADER.size()));
        assertThat(out).endsWith("\r\n").startsWith("fingerprint,status,severity,score,check,title,");
    }

    @Test
    void quotesCommasQuotesAndNewlinesAndReadsThemBackExactly() {
        FindingView f = TestFindings.hostile().get(1);
        List<String> row = parse(csv.render(List.of(f), TestFindings.catalog())).get(1);
        assertThat(row.get(col("message"))).isEqualTo(TestFindings.HOSTILE_MESSAGE);
        assertThat(row.get(col("resource_name"))).isEqualTo(TestFindings.UNICODE);
        assertThat(row.get(col("title"))).isEqualTo("S3 bucket ACL grants access to everyone");
        assertThat(row.get(col("controls"))).isEqualTo("CIS-AWS-3.0:2.1.4");
        assertThat(row.get(col("status"))).isEqualTo("regressed");
        assertThat(row.get(col("first_seen"))).isEqualTo("2026-11-01T08:30:00Z");
        assertThat(csv.render(List.of(f), TestFindings.catalog()))
                .contains("\"ACL grants READ to \"\"AllUsers\"\", really\nsecond line <script>alert(1)</script> & more\"");
    }

    @Test
    void neutralisesEveryCellThatASpreadsheetWouldRunAsAFormula() {
        List<List<String>> rows = parse(csv.render(TestFindings.hostile(), TestFindings.catalog()));
        assertThat(rows.get(1).get(col("resource_name"))).isEqualTo("'" + TestFindings.FORMULA);
        assertThat(rows.get(1).get(col("account"))).isEqualTo("'+SUM(1,2)");
        assertThat(rows.get(2).get(col("account"))).isEqualTo("'@prod");
        assertThat(rows.get(3).get(col("account"))).isEqualTo("'-2+3");
        assertThat(rows.get(3).get(col("resource_name"))).isEqualTo("'\tsg-tab");
        assertThat(rows.get(4).get(col("account"))).isEqualTo("'\rcr");
        for (List<String> row : rows) {
            assertThat(row).allSatisfy(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r"));
        }
    }

    @Test
    void leavesHarmlessCellsAloneButNeutralisesFullWidthSigns() {
        assertThat(CsvCells.cell("plain text")).isEqualTo("plain text");
        assertThat(CsvCells.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.cell("'already")).isEqualTo("'already");
        assertThat(CsvCells.cell("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
        assertThat(CsvCells.cell("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvCells.cell(null)).isEmpty();
    }

    @Test
    void anUnknownCheckKeepsItsIdAsTitle() {
        FindingView f = TestFindings.finding(9, TestFindings.UNKNOWN_CHECK, "prod", "b", 10, Severity.LOW,
                FindingStatus.OPEN);
        List<String> row = parse(csv.render(List.of(f), CheckCatalog.empty())).get(1);
        assertThat(row.get(col("title"))).isEqualTo(TestFindings.UNKNOWN_CHECK);
        assertThat(row.get(col("remediation"))).isEmpty();
    }

    @Test
    void aStandardCsvReaderReadsTheSameRecordsAsTheStrictOne() throws Exception {
        String out = csv.render(TestFindings.hostile(), TestFindings.catalog());
        try (var parser = org.apache.commons.csv.CSVParser.parse(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
            List<List<String>> records = parser.getRecords().stream().map(r -> r.toList()).toList();
            assertThat(records).isEqualTo(parse(out));
        }
    }

    private static int col(String name) {
        return CsvFormat.HEADER.indexOf(name);
    }

    /** A strict RFC 4180 reader: quoted fields may hold commas, CR, LF and doubled quotes. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && cell.isEmpty()) {
                i++;
                while (true) {
                    char q = text.charAt(i++);
                    if (q == '"' && i < text.length() && text.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else if (q == '"') {
                        break;
                    } else {
                        cell.append(q);
                    }
                }
                continue;
            }
            if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare CR or LF outside quotes at %d", i).isNotIn('\r', '\n', '"');
                cell.append(c);
            }
            i++;
        }
        assertThat(cell).as("text after the last CRLF").isEmpty();
        return rows;
    }
}
