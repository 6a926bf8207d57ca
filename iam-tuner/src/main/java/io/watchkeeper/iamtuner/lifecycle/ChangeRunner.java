package io.watchkeeper.iamtuner.lifecycle;

import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.tuner.ChangeStatus;
import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.EvidenceStore;
import io.watchkeeper.core.tuner.PlanPrincipal;
import io.watchkeeper.core.tuner.PlanStatus;
import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.core.tuner.TunerChangeStore;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.core.tuner.TunerPlanStore;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.IamReader;
import io.watchkeeper.iamtuner.aws.ManagedPolicy;
import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.plan.Fingerprints;
import io.watchkeeper.iamtuner.plan.PolicyEdit;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import io.watchkeeper.iamtuner.policy.Policy;
import io.watchkeeper.iamtuner.policy.Proof;
import io.watchkeeper.iamtuner.policy.ProofChecker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a plan and rolls changes back. Before each principal is changed: its policies must be exactly
 * what was planned on (fingerprint), none of the actions to remove may have been used since planning,
 * and the proof is run again on the current documents. Each principal's change is one {@code tuner_change}
 * row, created before the first IAM call; each edit's result is saved as soon as it is made, so a change
 * that stopped part-way rolls back exactly what was done.
 */
public final class ChangeRunner {

    /** What an apply did: the changes made and the principals skipped (with why). */
    public record Applied(TunerPlan plan, List<TunerChange> changes, Map<String, String> skipped) {}

    private final ActionCatalog catalog;
    private final TunerPlanStore plans;
    private final TunerChangeStore changes;
    private final EvidenceStore evidence;
    private final TunerDefaults defaults;
    private final Clock clock;

    public ChangeRunner(ActionCatalog catalog, TunerPlanStore plans, TunerChangeStore changes, EvidenceStore evidence,
                        TunerDefaults defaults, Clock clock) {
        this.catalog = catalog;
        this.plans = plans;
        this.changes = changes;
        this.evidence = evidence;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** Checks the plan may be applied now; returns the status it moves from. */
    public PlanStatus checkApplicable(TunerPlan plan, boolean skipNotice) {
        if (plan.status() == PlanStatus.SCHEDULED) {
            if (!skipNotice && plan.applyAfter() != null && plan.applyAfter().isAfter(clock.instant())) {
                throw new InvalidInputException("plan " + plan.id() + " is in its notice period until " + plan.applyAfter()
                        + "; apply it then, or skip the notice explicitly");
            }
            return PlanStatus.SCHEDULED;
        }
        if (plan.status() == PlanStatus.PLANNED) {
            if (!skipNotice) {
                throw new InvalidInputException("plan " + plan.id() + " was not scheduled: schedule it (owners get notice) "
                        + "or skip the notice explicitly");
            }
            return PlanStatus.PLANNED;
        }
        throw new InvalidInputException("plan " + plan.id() + " is " + plan.status().name().toLowerCase() + " and cannot be applied");
    }

    public Applied apply(TunerPlan plan, AwsSession session, String actor, boolean skipNotice) {
        PlanStatus from = checkApplicable(plan, skipNotice);
        if (!plans.beginApply(plan.id(), from, actor, clock.instant())) {
            throw new InvalidInputException("plan " + plan.id() + " is being applied already");
        }
        AccountIam iam = IamReader.read(session.iam());
        ProofChecker prover = new ProofChecker(catalog);
        List<TunerChange> made = new ArrayList<>();
        Map<String, String> skipped = new java.util.LinkedHashMap<>();
        int failed = 0;
        for (PlanPrincipal row : plans.principals(plan.id())) {
            PrincipalPlan p = PlanMaker.detail(row);
            if (!p.changes()) {
                continue;
            }
            String why = stale(p, iam, plan, prover);
            if (why != null) {
                skipped.put(p.arn(), why);
                continue;
            }
            List<String> watched = p.type() == PrincipalType.POLICY
                    ? iam.attachments(p.arn()).stream().filter(a -> !a.startsWith("group:")).toList() : List.of(p.arn());
            ChangeRecord record = new ChangeRecord(p.edits().stream().map(e -> new ChangeRecord.Step(e, EditResult.NONE)).toList(),
                    watched);
            TunerChange change = changes.create(new TunerChange(0, plan.id(), plan.accountId(), p.arn(), ChangeStatus.APPLYING,
                    record.json(), p.removed(), actor, null, clock.instant().plus(defaults.watchPeriod()), null, null, null,
                    null, null, null));
            String error = null;
            for (int i = 0; i < record.steps().size(); i++) {
                try {
                    record.set(i, IamEdits.apply(session.iam(), p.arn(),
                            record.steps().get(i).edit(), record.steps().get(i).result()));
                    changes.saveEdits(change.id(), record.json());
                } catch (RuntimeException e) {
                    error = e.getMessage();
                    break;
                }
            }
            changes.move(change.id(), ChangeStatus.APPLYING, error == null ? ChangeStatus.APPLIED : ChangeStatus.FAILED, actor,
                    null, error);
            if (error != null) {
                failed++;
            }
            made.add(changes.find(change.id()).orElseThrow());
        }
        PlanStatus end = made.isEmpty() && !skipped.isEmpty() ? PlanStatus.FAILED
                : failed > 0 || !skipped.isEmpty() ? PlanStatus.PARTIAL : PlanStatus.APPLIED;
        plans.move(plan.id(), PlanStatus.APPLYING, end);
        return new Applied(plans.find(plan.id()).orElseThrow(), made, skipped);
    }

    /** Why a principal must not be changed now, or null. */
    private String stale(PrincipalPlan p, AccountIam iam, TunerPlan plan, ProofChecker prover) {
        if (p.proof() == null || !p.proof().holds()) {
            return "no proof";
        }
        if (p.type() == PrincipalType.POLICY) {
            ManagedPolicy mp = iam.policies().get(p.arn());
            if (mp == null || !Fingerprints.of(mp, iam).equals(p.beforeHash())) {
                return "the policy or its attachments changed since planning; plan again";
            }
        } else {
            IamPrincipal now = iam.principal(p.arn()).orElse(null);
            if (now == null) {
                return "the principal is gone";
            }
            if (!Fingerprints.of(now, iam).equals(p.beforeHash())) {
                return "its policies changed since planning; plan again";
            }
        }
        List<String> watched = p.type() == PrincipalType.POLICY ? iam.attachments(p.arn()) : List.of(p.arn());
        Set<String> removed = new TreeSet<>(p.removed());
        for (UsageEvidence e : evidence.evidence(watched)) {
            if ((e.source() == EvidenceSource.CLOUDTRAIL || e.source() == EvidenceSource.LAST_ACCESSED_ACTION)
                    && e.lastSeen() != null && e.lastSeen().isAfter(plan.createdAt()) && removed.contains(e.action())) {
                return e.action() + " was used since planning (" + e.lastSeen() + "); plan again";
            }
        }
        if (p.type() != PrincipalType.POLICY) {
            Proof again = reprove(p, iam.principal(p.arn()).orElseThrow(), iam, prover);
            if (!again.holds()) {
                return "the proof does not hold on the current documents: " + again.summary();
            }
        }
        return null;
    }

    private Proof reprove(PrincipalPlan p, IamPrincipal principal, AccountIam iam, ProofChecker prover) {
        List<Policy> before = new ArrayList<>();
        List<Policy> after = new ArrayList<>();
        Map<String, String> inline = new HashMap<>();
        Map<String, String> managed = new HashMap<>();
        for (PolicyEdit e : p.edits()) {
            if (e.kind() == PolicyEdit.Kind.INLINE) {
                inline.put(e.policyName(), e.after());
            } else {
                managed.put(e.policyArn(), e.after());
            }
        }
        principal.inline().forEach((n, t) -> {
            before.add(Policy.parse(n, t));
            String a = inline.containsKey(n) ? inline.get(n) : t;
            if (a != null) {
                after.add(Policy.parse(n, a));
            }
        });
        for (String arn : principal.attached()) {
            String t = iam.policies().get(arn).document();
            before.add(Policy.parse(arn, t));
            String a = managed.containsKey(arn) ? managed.get(arn) : t;
            if (a != null) {
                after.add(Policy.parse(arn, a));
            }
        }
        for (String g : principal.groups()) {
            var group = iam.groups().get(g);
            if (group != null) {
                group.inline().forEach((n, t) -> {
                    before.add(Policy.parse(n, t));
                    after.add(Policy.parse(n, t));
                });
                group.attached().forEach(arn -> {
                    before.add(Policy.parse(arn, iam.policies().get(arn).document()));
                    after.add(Policy.parse(arn, iam.policies().get(arn).document()));
                });
            }
        }
        Policy boundary = principal.boundaryArn() == null ? null
                : Policy.parse(principal.boundaryArn(), iam.policies().get(principal.boundaryArn()).document());
        Set<String> keep = new TreeSet<>();
        p.actions().stream().filter(a -> !a.removed()).forEach(a -> keep.add(a.action()));
        return prover.prove(before, after, boundary, keep);
    }

    /**
     * Restores a change's previous documents exactly, undoing its edits in reverse order; only edits that
     * were made are undone. Each restored document is read back and compared byte for byte.
     */
    public TunerChange rollback(TunerChange change, AwsSession session, String actor, String reason) {
        ChangeStatus from = change.status();
        if (from != ChangeStatus.APPLIED && from != ChangeStatus.FAILED && from != ChangeStatus.ROLLBACK_FAILED) {
            throw new InvalidInputException("change " + change.id() + " is " + from.name().toLowerCase() + " and cannot be rolled back");
        }
        if (!changes.move(change.id(), from, ChangeStatus.ROLLING_BACK, actor, reason, null)) {
            throw new InvalidInputException("change " + change.id() + " is being rolled back already");
        }
        ChangeRecord record = ChangeRecord.of(change.edits());
        String error = null;
        for (int i = record.steps().size() - 1; i >= 0; i--) {
            ChangeRecord.Step step = record.steps().get(i);
            if (!step.result().applied() || step.result().rolledBack()) {
                continue;
            }
            try {
                record.set(i, IamEdits.rollback(session.iam(), step.edit(), step.result()));
                changes.saveEdits(change.id(), record.json());
            } catch (RuntimeException e) {
                error = e.getMessage();
                break;
            }
        }
        if (error == null && record.steps().stream().anyMatch(s -> s.result().rolledBack() && !s.result().verified())) {
            error = "restored, but a document read back differs from the one before the change";
        }
        changes.move(change.id(), ChangeStatus.ROLLING_BACK, error == null ? ChangeStatus.ROLLED_BACK : ChangeStatus.ROLLBACK_FAILED,
                actor, reason, error);
        return changes.find(change.id()).orElseThrow();
    }

    /** The watch period used for new changes. */
    public Duration watchPeriod() {
        return defaults.watchPeriod();
    }
}
