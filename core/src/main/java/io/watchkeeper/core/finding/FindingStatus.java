package io.watchkeeper.core.finding;

/** Where a finding is in its life. */
public enum FindingStatus {
    /** Present and untriaged. */
    OPEN,
    /** Present again after it was fixed. */
    REGRESSED,
    /** Present, accepted by a person until an expiry, as long as its evidence does not change. */
    JUSTIFIED,
    /** Present, hidden by a suppression rule. */
    SUPPRESSED,
    /** Gone: the evidence is no longer there (or the resource was deleted). */
    FIXED,
    /** Its check was disabled for the account. */
    DISABLED;

    /** Whether the finding counts in scores and lists of work to do. */
    public boolean actionable() {
        return this == OPEN || this == REGRESSED;
    }

    /** Whether the evidence is currently present. */
    public boolean present() {
        return this != FIXED && this != DISABLED;
    }
}
