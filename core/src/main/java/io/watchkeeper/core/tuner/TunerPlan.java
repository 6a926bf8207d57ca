package io.watchkeeper.core.tuner;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A stored plan for one account (or one principal of it).
 *
 * @param evidenceNote what the decisions rest on, said plainly (e.g. "IAM last-accessed data unavailable: decided
 *        on CloudTrail alone")
 * @param summary counts for lists and charts (JSON, shape owned by the tuner)
 */
public record TunerPlan(long id, long accountId, PlanStatus status, String createdBy, Instant createdAt, int windowDays,
                        String principalFilter, String evidenceNote, String catalogSource, Instant applyAfter,
                        String scheduledBy, Instant scheduledAt, String appliedBy, Instant appliedAt, JsonNode summary) {}
