package io.watchkeeper.codescanner.finding;

import java.util.Locale;

/** What live verification said about a secret (off by default: {@link #NOT_CHECKED}). */
public enum Verification {
    NOT_CHECKED,
    LIVE,
    REVOKED,
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
