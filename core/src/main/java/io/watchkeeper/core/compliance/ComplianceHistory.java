package io.watchkeeper.core.compliance;

import io.watchkeeper.core.access.AccountScope;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What stored history says at past instants, for compliance reports: which findings were present
 * (from the status-changing finding events: opened, regressed, re-enabled keep a finding present;
 * fixed and check-disabled end it; justified and suppressed ones are still present), which resource
 * types had live items (from item revisions), and when a type was first watched. Read-only; every
 * answer is limited to {@code scope}.
 */
public interface ComplianceHistory {

    /** At each instant, the (account, check) pairs with findings present, and how many. */
    List<FailingCount> failing(Set<String> checkIds, AccountScope scope, List<Instant> at);

    /** The findings of these checks present at {@code at}, at most {@code limitPerPair} per (account, check). */
    List<PresentFinding> present(Set<String> checkIds, AccountScope scope, Instant at, int limitPerPair);

    /** At each instant, the (account, type) pairs with at least one item that existed then. */
    List<LiveType> live(Set<String> types, AccountScope scope, List<Instant> at);

    /** The first successful (OK or PARTIAL) watch of a scope of each (account, type). */
    List<FirstWatch> firstWatched(Set<String> types, AccountScope scope);

    /**
     * Findings present at an instant.
     *
     * @param at the instant asked about
     * @param accountId the account
     * @param checkId the check
     * @param findings how many of its findings were present
     */
    record FailingCount(Instant at, long accountId, String checkId, long findings) {}

    /**
     * One finding present at the instant asked about.
     *
     * @param status its status then (OPEN, REGRESSED, JUSTIFIED, SUPPRESSED)
     */
    record PresentFinding(long accountId, String checkId, long findingId, long itemId, String resourceType, String region,
                          String resourceId, String resourceName, String status) {}

    /** An (account, type) pair with a live item at {@code at}. */
    record LiveType(Instant at, long accountId, String type) {}

    /** When a type was first watched in an account. */
    record FirstWatch(long accountId, String type, Instant at) {}
}
