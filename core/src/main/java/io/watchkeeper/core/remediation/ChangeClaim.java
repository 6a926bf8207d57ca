package io.watchkeeper.core.remediation;

/**
 * The answer to claiming one change of an account's hourly budget (the blast radius).
 *
 * @param outcome what happened
 * @param limit the limit that applied
 */
public record ChangeClaim(Outcome outcome, int limit) {

    /** What a claim did. */
    public enum Outcome {
        /** Within the limit: the status moved and the change is counted. */
        CLAIMED,
        /** The account already had {@code limit} changes in the window: nothing was written. */
        LIMIT_REACHED,
        /** The remediation was no longer in the expected status: nothing was written. */
        NOT_IN_STATUS
    }

    /** A change made in an account: counted against the same limit. */
    public enum Kind { APPLY, ROLLBACK }
}
