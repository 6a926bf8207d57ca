package io.watchkeeper.core.audit;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * One stored audit log entry.
 *
 * @param id database id (increasing)
 * @param at when
 * @param actor who
 * @param action what
 * @param target on what
 * @param before state before, or null
 * @param after state after, or null
 * @param accountId the account the entry concerns, or null (none, several, or written before this was recorded)
 */
public record AuditRecord(long id, OffsetDateTime at, String actor, String action, String target, JsonNode before,
                          JsonNode after, Long accountId) {}
