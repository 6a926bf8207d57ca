package io.watchkeeper.core.cert;

import java.time.Instant;
import java.util.Objects;

/** When and why a certificate was revoked, and by whom. */
public record Revocation(Instant at, RevocationReason reason, String by) {

    public Revocation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
    }
}
