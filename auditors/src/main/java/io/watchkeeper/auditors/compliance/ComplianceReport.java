package io.watchkeeper.auditors.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A framework's controls for some accounts at one instant, with each control's trend over the days
 * before it, computed from stored history.
 *
 * @param framework the framework id
 * @param frameworkName its name and version
 * @param at the instant the states are for
 * @param generatedAt when the report was made
 * @param accounts the accounts covered
 * @param controls every control, in the framework's order
 * @param summary how many controls (combined over the accounts) are in each state
 * @param trend per day: how many (control, account) pairs of decided controls passed and failed
 */
public record ComplianceReport(String framework, String frameworkName, Instant at, Instant generatedAt,
                               List<AccountRef> accounts, List<ControlResult> controls, Map<ControlState, Integer> summary,
                               List<TrendDay> trend) {

    public ComplianceReport {
        accounts = List.copyOf(accounts);
        controls = List.copyOf(controls);
        summary = Map.copyOf(summary);
        trend = List.copyOf(trend);
    }

    /** An account in the report. */
    public record AccountRef(long id, String name, String externalId) {}

    /**
     * One control.
     *
     * @param state the worst state over the accounts (fail, no data, pass, not applicable)
     * @param accounts the state per account
     * @param trend the combined state per day, oldest first, the last one at {@code at}
     */
    public record ControlResult(String id, String section, String title, int level, String assessment, List<String> checks,
                                List<String> related, ControlState state, List<AccountState> accounts,
                                List<TrendPoint> trend) {

        public ControlResult {
            checks = List.copyOf(checks);
            related = List.copyOf(related);
            accounts = List.copyOf(accounts);
            trend = List.copyOf(trend);
        }
    }

    /**
     * One control for one account.
     *
     * @param reason why, in a few words
     * @param failingFindings findings of the deciding checks present then
     * @param resources failing resources (at most a bounded number per check)
     * @param more whether more resources failed than are listed
     */
    public record AccountState(String account, ControlState state, String reason, long failingFindings,
                               List<FailingResource> resources, boolean more) {

        public AccountState {
            resources = List.copyOf(resources);
        }
    }

    /** A resource that fails a control, through a finding of one check. */
    public record FailingResource(String checkId, String resourceType, String region, String resourceId, String name,
                                  String status, long findingId, long itemId) {}

    /** A control's combined state on a day. */
    public record TrendPoint(LocalDate day, ControlState state) {}

    /** Per day, over decided controls and accounts: passing, failing and other (not applicable, no data) pairs. */
    public record TrendDay(LocalDate day, int pass, int fail, int other) {}
}
