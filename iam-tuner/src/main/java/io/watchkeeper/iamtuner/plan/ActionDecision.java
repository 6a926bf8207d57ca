package io.watchkeeper.iamtuner.plan;

import java.time.Instant;

/**
 * One granted action of a principal, decided.
 *
 * @param action {@code s3:GetObject}
 * @param level its most privileged access level ({@code Write}); "" outside the catalogue
 * @param decision used, unused or unknown
 * @param reason why, in words, with the decider ("CloudTrail: …", "IAM last-accessed (action level): …")
 * @param lastUsed the last use the evidence knows of (also when it is outside the window), or null
 * @param removed whether the plan removes it (unused and in a policy the tuner may change)
 */
public record ActionDecision(String action, String level, Decision decision, String reason, Instant lastUsed,
                             boolean removed) {}
