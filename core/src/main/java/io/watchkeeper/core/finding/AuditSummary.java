package io.watchkeeper.core.finding;

import java.time.Duration;

/**
 * What an audit pass did.
 *
 * @param runId the run
 * @param items items audited
 * @param evaluations check evaluations
 * @param opened new findings
 * @param regressed findings back after a fix
 * @param reopened justified or suppressed findings reopened
 * @param fixed findings gone
 * @param errors checks that failed on an item (reported as findings, the audit went on)
 * @param duration wall time
 * @param newFindings findings opened (by fingerprint) or regressed (by id) in this pass, at most 1,000; for notifications
 */
public record AuditSummary(long runId, int items, long evaluations, int opened, int regressed, int reopened, int fixed,
                           int errors, Duration duration, java.util.List<String> newFindings) {

    public AuditSummary {
        newFindings = newFindings == null ? java.util.List.of() : java.util.List.copyOf(newFindings);
    }
}
