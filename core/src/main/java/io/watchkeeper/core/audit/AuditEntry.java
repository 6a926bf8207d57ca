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
 */
public record AuditEntry(String actor, String action, String target, JsonNode before, JsonNode after) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
    }
}
