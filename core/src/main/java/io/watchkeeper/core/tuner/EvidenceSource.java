package io.watchkeeper.core.tuner;

/** Where a piece of usage evidence comes from. */
public enum EvidenceSource {
    /** A successful (or non-authorisation-failed) call in a CloudTrail log file. */
    CLOUDTRAIL,
    /** An AccessDenied in a CloudTrail log file: needed and not granted; never added, reported. */
    CLOUDTRAIL_DENIED,
    /** IAM action-level last-accessed data for an action AWS tracks ({@code lastSeen} null: not accessed). */
    LAST_ACCESSED_ACTION,
    /** IAM service-level last-accessed data; the action is {@code <service>:*}. */
    LAST_ACCESSED_SERVICE
}
