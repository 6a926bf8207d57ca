package io.watchkeeper.auditors.notify;

import io.watchkeeper.auditors.output.CheckCatalog;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily digest: the open (open or regressed) findings counted by account and severity, then
 * the {@value #TOP} highest by score.
 */
public final class DigestMessage {

    static final int TOP = 10;
    private static final List<Severity> ORDER = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFO);

    private final CheckCatalog catalog;

    public DigestMessage(CheckCatalog catalog) {
        this.catalog = catalog;
    }

    public Notification build(LocalDate date, List<FindingView> findings) {
        List<FindingView> open = findings.stream().filter(f -> f.status() != null && f.status().actionable())
                .sorted(FindingLines.BY_SCORE).toList();
        String subject = "Watchkeeper daily digest " + date + ": " + open.size()
                + (open.size() == 1 ? " open finding" : " open findings");
        StringBuilder body = new StringBuilder();
        body.append("Open findings on ").append(date).append(": ").append(open.size()).append("\n");
        if (open.isEmpty()) {
            body.append("\nNothing to do.\n");
            return new Notification(subject, body.toString());
        }
        body.append("\nBy account and severity:\n");
        counts(open).forEach((account, bySeverity) -> {
            int total = bySeverity.values().stream().mapToInt(Integer::intValue).sum();
            body.append("- ").append(account).append(": ").append(total).append(" (");
            body.append(String.join(", ", ORDER.stream().filter(bySeverity::containsKey)
                    .map(s -> s.name().toLowerCase(Locale.ROOT) + " " + bySeverity.get(s)).toList()));
            body.append(")\n");
        });
        body.append("\nTop ").append(Math.min(TOP, open.size())).append(" by score:\n");
        for (int i = 0; i < Math.min(TOP, open.size()); i++) {
            body.append(i + 1).append(". ").append(FindingLines.line(open.get(i), catalog)).append('\n');
        }
        return new Notification(subject, body.toString());
    }

    /** Account line ("name (id)") → severity → count, accounts in name order. */
    private static Map<String, Map<Severity, Integer>> counts(List<FindingView> open) {
        Map<String, Map<Severity, Integer>> counts = new TreeMap<>();
        for (FindingView f : open) {
            Severity severity = f.severity() == null ? Severity.INFO : f.severity();
            counts.computeIfAbsent(FindingLines.account(f), a -> new EnumMap<>(Severity.class))
                    .merge(severity, 1, Integer::sum);
        }
        return counts;
    }
}
