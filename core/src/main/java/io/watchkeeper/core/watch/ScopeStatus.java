package io.watchkeeper.core.watch;

/** How a scope's watch ended. */
public enum ScopeStatus {
    /** Listed and stored. */
    OK,
    /** Listed and stored, but some resources could not be described (left untouched). */
    PARTIAL,
    /** Listing failed; nothing was written and nothing marked deleted. */
    FAILED,
    /** Another run held the scope; this run did not touch it. */
    SKIPPED
}
