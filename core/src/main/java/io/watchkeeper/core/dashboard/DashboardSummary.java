package io.watchkeeper.core.dashboard;

import io.watchkeeper.core.finding.Severity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything on the dashboard for one account scope.
 *
 * @param openBySeverity open and regressed findings per severity (every severity present)
 * @param topAccounts accounts with the most open findings (at most 10)
 * @param topChecks checks with the most open findings (at most 10)
 * @param trend the last 30 days, oldest first: findings opened (or regressed) and fixed per day
 * @param riskyItems items with the highest sum of open findings' scores (at most 10)
 * @param recentChanges the latest configuration changes (at most 15)
 * @param computedAt when the figures were computed
 */
public record DashboardSummary(Map<Severity, Long> openBySeverity, List<Count> topAccounts, List<Count> topChecks,
                               List<Day> trend, List<RiskyItem> riskyItems, List<Change> recentChanges,
                               OffsetDateTime computedAt) {

    public DashboardSummary {
        EnumMap<Severity, Long> ordered = new EnumMap<>(Severity.class);
        ordered.putAll(openBySeverity);
        openBySeverity = Collections.unmodifiableMap(ordered);
        topAccounts = List.copyOf(topAccounts);
        topChecks = List.copyOf(topChecks);
        trend = List.copyOf(trend);
        riskyItems = List.copyOf(riskyItems);
        recentChanges = List.copyOf(recentChanges);
    }

    public long openTotal() {
        return openBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A labelled count. */
    public record Count(String label, long value) {}

    /** One day of the trend. */
    public record Day(LocalDate day, long opened, long fixed) {}

    /** An item and the sum of its open findings' scores. */
    public record RiskyItem(long itemId, String name, String type, String account, long risk, long findings) {}

    /** A recent configuration change. */
    public record Change(long itemId, String name, String type, String account, String kind, OffsetDateTime at,
                         String changedBy) {}
}
