package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A change made to one principal: the exact documents before and after each edit and what the
 * apply created (policy versions, copies), so a rollback restores the previous documents exactly.
 *
 * @param watchUntil until when new AccessDenied on removed actions is watched for
 * @param denied denials on removed actions seen after the change (JSON), or null
 */
public record TunerChange(long id, long planId, long accountId, String principalArn, ChangeStatus status, JsonNode edits,
                          List<String> removedActions, String appliedBy, Instant appliedAt, Instant watchUntil,
                          JsonNode denied, Instant alertedAt, String rolledBackBy, Instant rolledBackAt,
                          String rollbackReason, String error) {

    public TunerChange {
        removedActions = List.copyOf(removedActions);
    }
}
