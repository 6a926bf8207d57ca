package io.watchkeeper.core.tuner;

import java.time.Instant;

/** A principal the tuner must leave alone until {@code until}, with who asked and why. */
public record OptOut(long id, long accountId, String principalArn, String owner, String reason, Instant until,
                     String createdBy, Instant createdAt) {

    public boolean activeAt(Instant now) {
        return until.isAfter(now);
    }
}
