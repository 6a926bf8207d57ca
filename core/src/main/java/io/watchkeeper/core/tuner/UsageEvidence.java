package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.util.Objects;

/**
 * One signal about one principal and one action.
 *
 * @param principalArn the IAM role or user ({@code arn:aws:iam::123456789012:role/path/name})
 * @param action qualified action as the catalogue spells it ({@code s3:GetObject}; {@code s3:*} for service level)
 * @param source where it comes from
 * @param lastSeen last use (or denial); null for last-accessed data that says "tracked, never accessed"
 * @param count how many events (CloudTrail), 0 for last-accessed data
 * @param region where it was last seen, when known
 */
public record UsageEvidence(String principalArn, String action, EvidenceSource source, Instant lastSeen, long count,
                            String region) {

    public UsageEvidence {
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
    }
}
