package io.watchkeeper.core.remediation;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * A remediation as stored.
 *
 * @param id database id
 * @param remediationId which remediation
 * @param findingId the finding it fixes
 * @param accountId account
 * @param itemId item
 * @param resourceId resource (ARN)
 * @param region region
 * @param status status
 * @param mode mode at planning time
 * @param plan the calls to make
 * @param beforeConfig the configuration when planned (what rollback restores)
 * @param beforeHash its durable hash
 * @param afterHash the durable hash of the resource as Watchkeeper last left it (re-watched after the apply
 *                  or the rollback); null while unknown (not applied yet, or the apply failed or was interrupted
 *                  and could not be re-watched)
 * @param rollbackPlan the rollback calls, once computed
 * @param requestedBy who planned it, as recorded in the audit log ({@code alice (token 7)})
 * @param plannedBy the person who planned it ({@code alice}, {@code cli:bob}, {@code job:remediator}): the one
 *                  who may not approve it (four eyes)
 * @param approvedBy who approved it
 * @param createdAt planned at
 * @param updatedAt last change
 * @param error the last error or note, or null
 */
public record RemediationView(long id, String remediationId, long findingId, long accountId, long itemId,
                              String resourceId, String region, RemediationStatus status, RemediationMode mode,
                              RemediationPlan plan, JsonNode beforeConfig, String beforeHash, String afterHash,
                              RemediationPlan rollbackPlan, String requestedBy, String plannedBy, String approvedBy,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt, String error) {}
