package io.watchkeeper.core.audit;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One write by a person or a job.
 *
 * @param actor who: a user name, {@code cli:<os user>} or {@code job:<name>}
 * @param action what, as a dotted verb ({@code account.add}, {@code watch.interval.set})
 * @param target the thing acted on ({@code account:prod})
 * @param before state before (may be null)
 * @param after state after (may be null)
 * @param accountId the account the write concerns, or null: then the store derives it from the
 *     target where the target names one ({@code finding:12}, {@code account:prod}, {@code …@7});
 *     admins limited to some accounts read only entries of their accounts (and their own)
 */
public record AuditEntry(String actor, String action, String target, JsonNode before, JsonNode after, Long accountId) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
    }

    /** An entry whose account, if any, is derived from its target. */
    public AuditEntry(String actor, String action, String target, JsonNode before, JsonNode after) {
        this(actor, action, target, before, after, null);
    }
}
