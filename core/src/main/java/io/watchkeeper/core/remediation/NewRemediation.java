package io.watchkeeper.core.remediation;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A plan to store.
 *
 * @param remediationId which remediation
 * @param findingId the finding it fixes
 * @param accountId account
 * @param itemId item
 * @param resourceId resource (ARN)
 * @param region region the calls go to
 * @param status PLANNED, AWAITING_APPROVAL or APPROVED, from the mode
 * @param mode the mode when planned
 * @param plan the calls
 * @param beforeConfig the stored configuration the plan was computed from
 * @param beforeHash its durable hash
 * @param requestedBy the actor, as in the audit log
 * @param plannedBy the person (four eyes)
 */
public record NewRemediation(String remediationId, long findingId, long accountId, long itemId, String resourceId,
                             String region, RemediationStatus status, RemediationMode mode, RemediationPlan plan,
                             JsonNode beforeConfig, String beforeHash, String requestedBy, String plannedBy) {

    public NewRemediation {
        Objects.requireNonNull(remediationId, "remediationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(beforeConfig, "beforeConfig");
        Objects.requireNonNull(beforeHash, "beforeHash");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(plannedBy, "plannedBy");
    }
}
