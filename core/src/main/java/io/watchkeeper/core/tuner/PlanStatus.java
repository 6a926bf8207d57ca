package io.watchkeeper.core.tuner;

/** Where a tuning plan is in its life. */
public enum PlanStatus {
    /** Computed; nothing scheduled or changed. */
    PLANNED,
    /** Owners notified; applies after the notice period (automatically only where the account allows). */
    SCHEDULED,
    /** Being applied (one node holds it). */
    APPLYING,
    /** Every change of the plan was made. */
    APPLIED,
    /** Some principals were changed, others skipped or failed (see the changes). */
    PARTIAL,
    /** Nothing could be applied. */
    FAILED,
    /** Withdrawn by a person. */
    CANCELLED
}
