package io.watchkeeper.core.model;

/** What went wrong, so that callers can decide to retry, report or fail. */
public enum ErrorCategory {
    /** The provider rate-limited us even after retries. */
    THROTTLED,
    /** Credentials were refused or lack a permission. */
    DENIED,
    /** The thing asked for does not exist. */
    NOT_FOUND,
    /** A person or a caller gave input we cannot accept. */
    INVALID_INPUT,
    /** The provider could not be reached or answered with a server error. */
    UNAVAILABLE,
    /** The provider answered with something we could not understand. */
    INVALID_RESPONSE,
    /** A fault of Watchkeeper itself. */
    INTERNAL
}
