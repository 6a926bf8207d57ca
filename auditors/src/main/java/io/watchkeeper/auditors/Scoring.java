package io.watchkeeper.auditors;

import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.ScoreBreakdown;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.Account;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bounded, explainable risk scores.
 *
 * <ul>
 *   <li>Finding: severity base (info 0, low 20, medium 45, high 70, critical 90) × exposure factor
 *       (internet 1.0, unknown account 0.9, internal 0.6, third party 0.5, friendly 0.3) × account
 *       context (tag env/environment: prod 1.1, dev/test/sandbox 0.8, otherwise 1.0), capped at 100.</li>
 *   <li>Item: the findings combined as independent risks, 100 × (1 − Π(1 − s/100)): never above
 *       100, never below its worst finding, and ten small findings do not outweigh one critical.</li>
 *   <li>Account: 0.6 × its riskiest item + 0.4 × the mean of its ten riskiest items: bounded, and
 *       adding low-risk items does not inflate it.</li>
 * </ul>
 * Justified, suppressed, fixed and disabled findings do not count.
 */
public final class Scoring {

    private static final Set<String> PRODUCTION = Set.of("prod", "production", "prd", "live");
    private static final Set<String> NON_PRODUCTION = Set.of("dev", "development", "test", "testing", "sandbox", "qa");

    private Scoring() {}

    public static ScoreBreakdown finding(Severity severity, Exposure exposure, Account account) {
        String environment = environment(account);
        double context = 1.0;
        String why = "no environment tag";
        if (environment != null) {
            why = "account env=" + environment;
            if (PRODUCTION.contains(environment)) {
                context = 1.1;
            } else if (NON_PRODUCTION.contains(environment)) {
                context = 0.8;
            }
        }
        int score = (int) Math.round(Math.min(100.0, severity.base() * exposure.factor() * context));
        return new ScoreBreakdown(severity, severity.base(), exposure, exposure.factor(), context, why, score);
    }

    private static String environment(Account account) {
        if (account == null) {
            return null;
        }
        for (String key : List.of("env", "environment", "Environment", "Env")) {
            String value = account.tags().get(key);
            if (value != null && !value.isBlank()) {
                return value.trim().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** An item's score from its actionable findings' scores. */
    public static int item(Collection<Integer> findingScores) {
        double keep = 1.0;
        for (int s : findingScores) {
            keep *= 1.0 - Math.max(0, Math.min(100, s)) / 100.0;
        }
        return (int) Math.round(100.0 * (1.0 - keep));
    }

    /** An account's score from its items' scores. */
    public static int account(Collection<Integer> itemScores) {
        List<Integer> top = itemScores.stream().sorted((a, b) -> Integer.compare(b, a)).limit(10).toList();
        if (top.isEmpty()) {
            return 0;
        }
        double mean = top.stream().mapToInt(Integer::intValue).average().orElse(0);
        return (int) Math.round(0.6 * top.getFirst() + 0.4 * mean);
    }
}
