package io.watchkeeper.auditors.compliance;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.compliance.ComplianceReport.AccountRef;
import io.watchkeeper.auditors.compliance.ComplianceReport.AccountState;
import io.watchkeeper.auditors.compliance.ComplianceReport.ControlResult;
import io.watchkeeper.auditors.compliance.ComplianceReport.FailingResource;
import io.watchkeeper.auditors.compliance.ComplianceReport.TrendDay;
import io.watchkeeper.auditors.compliance.ComplianceReport.TrendPoint;
import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.compliance.ComplianceHistory;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides a framework's controls for accounts at an instant, and on each of the days before it,
 * from stored history ({@link ComplianceHistory}): a control fails for an account when a finding of
 * one of its checks was present then (justified and suppressed findings too: the exception is the
 * auditor's to judge, and the report lists them with their status); otherwise it passes when the
 * checks' resource types had live items, is not applicable when they had none (or fails, for
 * controls that need such a resource), and has no data when the types were not watched yet. Manual
 * controls and automated ones no check decides are reported as such.
 */
public final class ComplianceReports {

    /** Failing resources listed per (account, check). */
    public static final int RESOURCES_PER_CHECK = 50;
    public static final int MAX_DAYS = 366;

    private final ComplianceHistory history;
    private final Map<String, String> checkTypes;

    public ComplianceReports(ComplianceHistory history, CheckRegistry checks) {
        this.history = Objects.requireNonNull(history, "history");
        Map<String, String> types = new HashMap<>();
        for (Check<?> c : checks.all()) {
            types.put(c.id().id(), c.appliesTo().id());
        }
        this.checkTypes = Map.copyOf(types);
    }

    /**
     * The report.
     *
     * @param accounts the accounts to cover (already limited to the caller's; the framework's provider only)
     * @param at the instant
     * @param days trend days ending with the day of {@code at} (1 to {@value #MAX_DAYS})
     * @param now when the report is made
     */
    public ComplianceReport report(Framework framework, List<Account> accounts, Instant instant, int days, Instant now) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1-" + MAX_DAYS);
        }
        Instant at = instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what PostgreSQL stores and returns
        AccountScope scope = AccountScope.of(accounts.stream().map(Account::id).collect(Collectors.toSet()));
        Set<String> checks = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        for (Framework.Control c : framework.controls()) {
            for (String check : c.checks()) {
                if (checkTypes.containsKey(check)) {
                    checks.add(check);
                    types.add(checkTypes.get(check));
                }
            }
        }
        List<LocalDate> dayList = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        LocalDate last = at.atZone(ZoneOffset.UTC).toLocalDate();
        for (int i = days - 1; i >= 1; i--) {
            LocalDate d = last.minusDays(i);
            dayList.add(d);
            instants.add(d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        dayList.add(last);
        instants.add(at);
        Facts facts = new Facts(history.failing(checks, scope, instants), history.live(types, scope, instants),
                history.firstWatched(types, scope));
        Map<String, List<ComplianceHistory.PresentFinding>> present = new HashMap<>();
        for (ComplianceHistory.PresentFinding p : history.present(checks, scope, at, RESOURCES_PER_CHECK + 1)) {
            present.computeIfAbsent(p.accountId() + "|" + p.checkId(), k -> new ArrayList<>()).add(p);
        }
        List<ControlResult> results = new ArrayList<>();
        Map<ControlState, Integer> summary = new EnumMap<>(ControlState.class);
        int[][] perDay = new int[instants.size()][3];
        for (Framework.Control control : framework.controls()) {
            List<AccountState> states = new ArrayList<>();
            ControlState combined = null;
            for (Account account : accounts) {
                Decision d = decide(control, account.id(), at, facts);
                states.add(new AccountState(account.name(), d.state(), d.reason(), d.failing(),
                        resources(control, account.id(), present), more(control, account.id(), present)));
                combined = ControlState.worst(combined, d.state());
            }
            combined = combined == null ? baseline(control) : combined;
            List<TrendPoint> trend = new ArrayList<>();
            for (int i = 0; i < instants.size(); i++) {
                ControlState day = null;
                for (Account account : accounts) {
                    ControlState s = decide(control, account.id(), instants.get(i), facts).state();
                    day = ControlState.worst(day, s);
                    if (!control.manual() && !control.undecided()) {
                        perDay[i][s == ControlState.PASS ? 0 : s == ControlState.FAIL ? 1 : 2]++;
                    }
                }
                trend.add(new TrendPoint(dayList.get(i), day == null ? baseline(control) : day));
            }
            summary.merge(combined, 1, Integer::sum);
            results.add(new ControlResult(control.id(), control.section(), control.title(), control.level(),
                    control.assessment().name().toLowerCase(Locale.ROOT), control.checks(), control.related(), combined,
                    states, trend));
        }
        List<TrendDay> trend = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            trend.add(new TrendDay(dayList.get(i), perDay[i][0], perDay[i][1], perDay[i][2]));
        }
        return new ComplianceReport(framework.id(), framework.name() + " " + framework.version(), at, now,
                accounts.stream().map(a -> new AccountRef(a.id(), a.name(), a.externalId())).toList(), results, summary, trend);
    }

    private static ControlState baseline(Framework.Control control) {
        return control.manual() ? ControlState.MANUAL : control.undecided() ? ControlState.NOT_DECIDED
                : ControlState.NOT_APPLICABLE;
    }

    /** A control's state for one account at one instant, and why. */
    record Decision(ControlState state, String reason, long failing) {}

    Decision decide(Framework.Control control, long accountId, Instant at, Facts facts) {
        if (control.manual()) {
            return new Decision(ControlState.MANUAL, "decided by people", 0);
        }
        List<String> known = control.checks().stream().filter(checkTypes::containsKey).toList();
        if (known.isEmpty()) {
            return new Decision(ControlState.NOT_DECIDED, "no check decides it yet", 0);
        }
        long failing = 0;
        Set<String> failingChecks = new LinkedHashSet<>();
        for (String check : known) {
            long n = facts.failing(at, accountId, check);
            if (n > 0) {
                failing += n;
                failingChecks.add(check);
            }
        }
        if (failing > 0) {
            return new Decision(ControlState.FAIL, failing + " finding(s) of " + String.join(", ", failingChecks), failing);
        }
        Set<String> types = new TreeSet<>();
        known.forEach(c -> types.add(checkTypes.get(c)));
        boolean live = types.stream().anyMatch(t -> facts.live(at, accountId, t));
        boolean watched = live || types.stream().anyMatch(t -> facts.watchedBefore(at, accountId, t));
        if (!watched) {
            return new Decision(ControlState.NO_DATA, "not watched yet: " + String.join(", ", types), 0);
        }
        if (!live) {
            return control.whenNoResources() == Framework.WhenNoResources.FAIL
                    ? new Decision(ControlState.FAIL, "no " + String.join(", ", types) + " in the account", 0)
                    : new Decision(ControlState.NOT_APPLICABLE, "no " + String.join(", ", types) + " in the account", 0);
        }
        return new Decision(ControlState.PASS, "no finding of " + String.join(", ", known), 0);
    }

    private static List<FailingResource> resources(Framework.Control control, long accountId,
                                                   Map<String, List<ComplianceHistory.PresentFinding>> present) {
        List<FailingResource> out = new ArrayList<>();
        for (String check : control.checks()) {
            List<ComplianceHistory.PresentFinding> found = present.getOrDefault(accountId + "|" + check, List.of());
            found.stream().limit(RESOURCES_PER_CHECK).forEach(p -> out.add(new FailingResource(p.checkId(), p.resourceType(),
                    p.region(), p.resourceId(), p.resourceName(), p.status(), p.findingId(), p.itemId())));
        }
        return out;
    }

    private static boolean more(Framework.Control control, long accountId,
                                Map<String, List<ComplianceHistory.PresentFinding>> present) {
        return control.checks().stream()
                .anyMatch(c -> present.getOrDefault(accountId + "|" + c, List.of()).size() > RESOURCES_PER_CHECK);
    }

    /** The history's answers, indexed. */
    static final class Facts {
        private final Map<String, Long> failing = new HashMap<>();
        private final Set<String> live = new HashSet<>();
        private final Map<String, Instant> firstWatched = new HashMap<>();

        Facts(List<ComplianceHistory.FailingCount> failing, List<ComplianceHistory.LiveType> live,
              List<ComplianceHistory.FirstWatch> watched) {
            failing.forEach(f -> this.failing.merge(f.at() + "|" + f.accountId() + "|" + f.checkId(), f.findings(), Long::sum));
            live.forEach(l -> this.live.add(l.at() + "|" + l.accountId() + "|" + l.type()));
            watched.forEach(w -> firstWatched.merge(w.accountId() + "|" + w.type(), w.at(),
                    (a, b) -> a.isBefore(b) ? a : b));
        }

        long failing(Instant at, long accountId, String check) {
            return failing.getOrDefault(at + "|" + accountId + "|" + check, 0L);
        }

        boolean live(Instant at, long accountId, String type) {
            return live.contains(at + "|" + accountId + "|" + type);
        }

        boolean watchedBefore(Instant at, long accountId, String type) {
            Instant first = firstWatched.get(accountId + "|" + type);
            return first != null && first.isBefore(at);
        }
    }
}
