package io.watchkeeper.core.tuner;

/** One principal's applied change. */
public enum ChangeStatus {
    APPLYING,
    APPLIED,
    /** The apply stopped part-way; the edits made are recorded and roll back like any other. */
    FAILED,
    ROLLING_BACK,
    ROLLED_BACK,
    /** The rollback stopped part-way; it may be run again. */
    ROLLBACK_FAILED
}
