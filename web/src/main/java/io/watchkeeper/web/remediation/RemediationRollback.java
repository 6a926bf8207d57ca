package io.watchkeeper.web.remediation;

import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ChangeClaim;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.core.remediation.StatusUpdate;
import io.watchkeeper.web.remediation.RemediationRefusedException.Rule;
import io.watchkeeper.web.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Rolling a change back. The resource is re-watched first and compared with the state the change
 * left (the durable hash recorded after the apply's verification): if someone or something changed
 * it since, a rollback would overwrite that change, so it is refused unless an admin forces it with
 * a reason (kept in the audit log). A rollback is a change like an apply: it claims one change of
 * the account's hourly budget.
 */
final class RemediationRollback {

    private final FindingReader findings;
    private final ResourceWatch resources;
    private final RemediationSteps steps;

    RemediationRollback(FindingReader findings, ResourceWatch resources, RemediationSteps steps) {
        this.findings = findings;
        this.resources = resources;
        this.steps = steps;
    }

    /** Rolls {@code r} back; {@code why} is the reason of a forced rollback (null when not forced). */
    RemediationView rollback(RemediationView r, Remediation<?> remediation, String why, Caller caller) {
        boolean force = why != null;
        RemediationPlan back = Plans.rollback(remediation, r.plan(), r.beforeConfig());
        String current = resources.rewatch(r, remediation.configType(), caller.actor());
        if (current == null) {
            throw new InvalidInputException("the resource of remediation " + r.id() + " is gone; nothing to roll back");
        }
        boolean unchanged = current.equals(r.afterHash() != null ? r.afterHash() : r.beforeHash());
        if (!unchanged && !force) {
            throw new RemediationRefusedException(Rule.GUARD_RAIL, (r.afterHash() != null
                    ? "the resource changed since remediation " + r.id() + " was applied (someone or something else "
                    + "changed it); rolling back would overwrite that change"
                    : "the state remediation " + r.id() + " left is unknown (the apply failed or was interrupted) and "
                    + "the resource differs from before the change") + ". Look at the resource's history; an admin may "
                    + "force it with `watchkeeper remediations rollback " + r.id() + " --force --reason <why>`");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("forced", force);
        if (force) {
            extra.put("reason", why);
            extra.put("changedSinceApply", !unchanged);
        }
        steps.claim(r, r.status(), RemediationStatus.ROLLING_BACK, StatusUpdate.rollbackPlan(back),
                ChangeClaim.Kind.ROLLBACK, "remediation.rollback.start", caller, extra);
        try {
            steps.run(r, remediation, back, new ArrayList<>());
        } catch (RuntimeException e) {
            String left = resources.rewatchQuietly(r, remediation.configType(), caller.actor());
            steps.move(r, RemediationStatus.ROLLING_BACK, RemediationStatus.ROLLBACK_FAILED,
                    StatusUpdate.error(Plans.oneLine(e)).afterHash(left), "remediation.rollback.failed", caller, Map.of());
            return steps.require(r.id());
        }
        String after = resources.rewatch(r, remediation.configType(), caller.actor());
        boolean restored = r.beforeHash().equals(after);
        String note = null;
        if (!restored && !unchanged && undone(r, remediation)) {
            restored = true;
            note = "rolled back; the resource keeps the changes made by others after the apply";
        } else if (!restored) {
            note = "the configuration after rollback differs from the one before the change";
        }
        steps.move(r, RemediationStatus.ROLLING_BACK,
                restored ? RemediationStatus.ROLLED_BACK : RemediationStatus.ROLLBACK_FAILED,
                StatusUpdate.error(note).afterHash(after), "remediation.rollback.done", caller, Map.of());
        return steps.require(r.id());
    }

    /** Whether the remediation's own change is gone: planning it again on the resource now gives the same calls. */
    private boolean undone(RemediationView r, Remediation<?> remediation) {
        try {
            FindingView finding = findings.find(String.valueOf(r.findingId())).orElseThrow();
            JsonNode config = resources.stored(r.itemId()).map(ItemSnapshot::config).orElseThrow();
            return Plans.canonical(Plans.plan(remediation, finding, config).calls()).equals(Plans.canonical(r.plan().calls()));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
