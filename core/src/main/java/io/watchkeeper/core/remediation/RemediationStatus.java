package io.watchkeeper.core.remediation;

/** Where a remediation is. Every transition is in the audit log. */
public enum RemediationStatus {
    /** Planned in dry-run mode: shown, never applied. */
    PLANNED,
    /** Waiting for a person to approve. */
    AWAITING_APPROVAL,
    /** Approved (by a person, or by the automatic mode): will be applied. */
    APPROVED,
    /** Refused by a person. */
    REJECTED,
    /** The resource changed after planning; plan again. */
    SUPERSEDED,
    /** Calls are being made. A row left here by a crash is turned into INTERRUPTED. */
    APPLYING,
    /** Calls made; not yet verified. */
    APPLIED,
    /** Re-watched: the finding is fixed. */
    VERIFIED,
    /** Re-watched: the finding is still there. */
    VERIFY_FAILED,
    /** A call failed. */
    FAILED,
    /** The process stopped while applying: the change may be partly made. */
    INTERRUPTED,
    /** Rollback calls are being made. */
    ROLLING_BACK,
    /** Re-watched after rollback: the configuration is back as it was. */
    ROLLED_BACK,
    /** Rollback did not restore the configuration. */
    ROLLBACK_FAILED;

    public boolean rollbackAllowed() {
        return this == APPLIED || this == VERIFIED || this == VERIFY_FAILED || this == FAILED || this == INTERRUPTED
                || this == ROLLBACK_FAILED;
    }

    /** Whether a plan in this state still waits to be applied (one such plan per finding). */
    public boolean pending() {
        return this == PLANNED || this == AWAITING_APPROVAL || this == APPROVED || this == APPLYING;
    }
}
