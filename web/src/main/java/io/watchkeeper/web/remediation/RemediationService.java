package io.watchkeeper.web.remediation;

import io.watchkeeper.auditors.RemediationRegistry;
import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ChangeClaim;
import io.watchkeeper.core.remediation.NewRemediation;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationStore;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.core.remediation.StatusUpdate;
import io.watchkeeper.web.remediation.RemediationRefusedException.Rule;
import io.watchkeeper.web.security.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plan → (approval) → apply → verify by re-watching → rollback to the stored configuration, for
 * the CLI, the API, the console and the background job alike: each call names its {@link Caller},
 * whose role and accounts are checked here, and each step is one transaction with its audit entry.
 * Guard rails: the mode per remediation and account (dry-run by default), a kill switch, a
 * blast-radius limit per account per hour claimed atomically across nodes (applies and rollbacks
 * alike), compare-and-set status changes (two nodes never apply one plan twice), a staleness check
 * (a resource changed since planning is not touched), four eyes (the planner does not approve,
 * unless the mode is automatic) and a rollback that refuses to overwrite a change made by someone
 * else since the apply unless an admin forces it with a reason. A process that stops while applying
 * leaves an APPLYING row that {@link #recoverInterrupted} turns into INTERRUPTED.
 */
public final class RemediationService {

    private final RemediationRegistry remediations;
    private final RemediationStore store;
    private final RemediationSettings settings;
    private final FindingReader findings;
    private final ResourceWatch resources;
    private final AccountStore accounts;
    private final RemediationSteps steps;
    private final RemediationRollback rollbacks;
    private final Consumer<RemediationView> awaitingApproval;

    RemediationService(RemediationRegistry remediations, RemediationStore store, RemediationSettings settings,
                       FindingReader findings, ResourceWatch resources, AccountStore accounts, RemediationSteps steps,
                       Consumer<RemediationView> awaitingApproval) {
        this.remediations = remediations;
        this.store = store;
        this.settings = settings;
        this.findings = findings;
        this.resources = resources;
        this.accounts = accounts;
        this.steps = steps;
        this.rollbacks = new RemediationRollback(findings, resources, steps);
        this.awaitingApproval = awaitingApproval;
    }

    public RemediationRegistry registry() {
        return remediations;
    }

    /** The queue in the caller's accounts, newest first. */
    public List<RemediationView> list(RemediationStatus status, int limit, Caller caller) {
        caller.require(Role.VIEWER);
        return store.list(status, caller.scope(), limit);
    }

    /** One remediation; not found (404) when missing or outside the caller's accounts. */
    public RemediationView get(long id, Caller caller) {
        caller.require(Role.VIEWER);
        return visible(id, caller);
    }

    /**
     * Plans a fix for a finding (the first remediation for its check unless one is named). An
     * unapplied plan of the same finding (planned or awaiting approval) is superseded by the new one;
     * an approved or applying plan is not.
     */
    public RemediationView plan(String findingRef, String remediationId, Caller caller) {
        caller.require(Role.COMMENTER);
        FindingView finding = findings.find(findingRef).filter(f -> caller.scope().allows(f.accountKey()))
                .orElseThrow(Caller.NotVisibleException::new);
        if (!finding.status().actionable()) {
            throw new InvalidInputException("finding " + finding.id() + " is " + finding.status().name().toLowerCase()
                    + "; only open or regressed findings are remediated");
        }
        List<Remediation<?>> candidates = remediationId == null ? remediations.forCheck(finding.check())
                : List.of(remediations.require(remediationId));
        if (candidates.isEmpty()) {
            throw new InvalidInputException("no remediation fixes " + finding.check());
        }
        Remediation<?> remediation = candidates.getFirst();
        if (!remediation.fixes().id().equals(finding.check())) {
            throw new InvalidInputException(remediation.id() + " fixes " + remediation.fixes() + ", not " + finding.check());
        }
        ItemSnapshot item = resources.stored(finding.itemId())
                .filter(i -> !i.deleted() && i.config() != null)
                .orElseThrow(() -> new InvalidInputException("the resource of finding " + finding.id() + " is gone"));
        RemediationPlan plan = Plans.plan(remediation, finding, item.config());
        if (plan.empty()) {
            throw new InvalidInputException("nothing to do: the stored configuration no longer shows the problem");
        }
        RemediationMode mode = settings.mode(remediation.id(), item.accountId());
        RemediationStatus status = switch (mode) {
            case DRY_RUN -> RemediationStatus.PLANNED;
            case APPROVAL -> RemediationStatus.AWAITING_APPROVAL;
            case AUTOMATIC -> RemediationStatus.APPROVED;
        };
        RemediationView view = steps.inTx(() -> {
            Optional<RemediationView> old = store.pendingFor(finding.id()).map(p -> replaceable(p, finding));
            RemediationView created = store.create(new NewRemediation(remediation.id(), finding.id(), item.accountId(),
                    item.itemId(), item.resourceId(), plan.region(), status, mode, plan, item.config(),
                    CanonicalJson.durableHash(item.config(), remediation.configType()), caller.actor(), caller.username()));
            old.ifPresent(p -> steps.log(caller.actor(), "remediation.supersede", p, Map.of("status", p.status()),
                    RemediationSteps.after(RemediationStatus.SUPERSEDED, StatusUpdate.error("superseded by remediation "
                            + created.id()), Map.of())));
            steps.log(caller.actor(), "remediation.plan", created, null, Map.of("status", status, "mode", mode,
                    "plan", plan));
            return created;
        });
        if (status == RemediationStatus.AWAITING_APPROVAL) {
            awaitingApproval.accept(view);
        }
        return view;
    }

    /** Marks the finding's pending plan SUPERSEDED if a new plan may replace it; refuses otherwise. */
    private RemediationView replaceable(RemediationView pending, FindingView finding) {
        switch (pending.status()) {
            case APPROVED -> throw new InvalidInputException("finding " + finding.id() + " already has remediation "
                    + pending.id() + ", approved and waiting to be applied: apply it with `watchkeeper remediations apply "
                    + pending.id() + "` or reject it with `watchkeeper remediations reject " + pending.id()
                    + " --reason <why>`, then plan again");
            case APPLYING -> throw new InvalidInputException("remediation " + pending.id() + " of finding " + finding.id()
                    + " is being applied; follow it with `watchkeeper remediations show " + pending.id() + "`");
            default -> {
                if (!store.transition(pending.id(), pending.status(), RemediationStatus.SUPERSEDED,
                        StatusUpdate.error("superseded by a newer plan of finding " + finding.id()))) {
                    throw new InvalidInputException("remediation " + pending.id() + " of finding " + finding.id()
                            + " changed while planning (someone else acted on it); plan again");
                }
                return pending;
            }
        }
    }

    /** Approves a plan waiting for approval; the person who planned it may not (four eyes) unless the mode is automatic. */
    public RemediationView approve(long id, Caller caller) {
        caller.require(Role.JUSTIFIER);
        RemediationView r = visible(id, caller);
        if (r.mode() == RemediationMode.DRY_RUN) {
            throw new InvalidInputException("remediation " + id + " was planned in dry-run mode and is never applied; "
                    + "set the mode with `watchkeeper remediations mode " + r.remediationId() + " approval --account "
                    + accountName(r) + "` and plan again with `watchkeeper remediations plan " + r.findingId() + "`");
        }
        if (r.plannedBy().equals(caller.username())
                && settings.mode(r.remediationId(), r.accountId()) != RemediationMode.AUTOMATIC) {
            throw new RemediationRefusedException(Rule.FOUR_EYES, "four eyes: " + caller.username()
                    + " planned remediation " + id + " and cannot approve it too; another justifier or admin approves it"
                    + " (`watchkeeper remediations approve " + id + "`)");
        }
        steps.move(r, RemediationStatus.AWAITING_APPROVAL, RemediationStatus.APPROVED, StatusUpdate.approvedBy(caller.actor()),
                "remediation.approve", caller, Map.of());
        return steps.require(id);
    }

    public RemediationView reject(long id, String reason, Caller caller) {
        caller.require(Role.JUSTIFIER);
        String why = reason(reason, "a reason is required");
        RemediationView r = visible(id, caller);
        if (r.status() != RemediationStatus.AWAITING_APPROVAL && r.status() != RemediationStatus.APPROVED
                && r.status() != RemediationStatus.PLANNED) {
            throw new InvalidInputException("remediation " + id + " is " + r.status() + " and cannot be rejected");
        }
        steps.move(r, r.status(), RemediationStatus.REJECTED, StatusUpdate.error(why), "remediation.reject", caller, Map.of());
        return steps.require(id);
    }

    /** Applies an approved plan, then verifies it by re-watching the resource. */
    public RemediationView apply(long id, Caller caller) {
        caller.require(Role.JUSTIFIER);
        RemediationView r = beginApply(visible(id, caller), caller);
        return finishApply(r, caller);
    }

    /** Checks the guard rails and marks the plan APPLYING (committed before any call is made). */
    private RemediationView beginApply(RemediationView r, Caller caller) {
        if (r.status() != RemediationStatus.APPROVED) {
            throw new InvalidInputException("remediation " + r.id() + " is " + r.status().name().toLowerCase()
                    + (r.status() == RemediationStatus.AWAITING_APPROVAL
                    ? "; approve it first (`watchkeeper remediations approve " + r.id() + "`, by someone other than "
                    + r.plannedBy() + ")" : "; only approved plans apply"));
        }
        requireKillSwitchOff();
        Remediation<?> remediation = remediations.require(r.remediationId());
        String now = resources.storedHash(r.itemId(), remediation.configType());
        if (!r.beforeHash().equals(now)) {
            steps.move(r, RemediationStatus.APPROVED, RemediationStatus.SUPERSEDED,
                    StatusUpdate.error("the resource changed after planning"), "remediation.supersede", caller, Map.of());
            throw new InvalidInputException("the resource changed after remediation " + r.id()
                    + " was planned; plan again with `watchkeeper remediations plan " + r.findingId() + "`");
        }
        steps.claim(r, RemediationStatus.APPROVED, RemediationStatus.APPLYING, StatusUpdate.NONE, ChangeClaim.Kind.APPLY,
                "remediation.apply.start", caller, Map.of());
        return steps.require(r.id());
    }

    private RemediationView finishApply(RemediationView r, Caller caller) {
        Remediation<?> remediation = remediations.require(r.remediationId());
        List<String> done = new ArrayList<>();
        try {
            steps.run(r, remediation, r.plan(), done);
        } catch (RuntimeException e) {
            String left = resources.rewatchQuietly(r, remediation.configType(), caller.actor());
            steps.move(r, RemediationStatus.APPLYING, RemediationStatus.FAILED,
                    StatusUpdate.error("after " + done + ": " + Plans.oneLine(e)).afterHash(left),
                    "remediation.apply.failed", caller, Map.of());
            return steps.require(r.id());
        }
        steps.move(r, RemediationStatus.APPLYING, RemediationStatus.APPLIED, StatusUpdate.NONE, "remediation.apply.done", caller,
                Map.of());
        return verify(r, remediation, caller);
    }

    /** Re-watches the resource, checks the finding is gone, and records the state the change left. */
    private RemediationView verify(RemediationView r, Remediation<?> remediation, Caller caller) {
        String after = resources.rewatch(r, remediation.configType(), caller.actor());
        FindingView finding = findings.find(String.valueOf(r.findingId())).orElseThrow();
        RemediationStatus to = finding.status() == FindingStatus.FIXED ? RemediationStatus.VERIFIED
                : RemediationStatus.VERIFY_FAILED;
        steps.move(r, RemediationStatus.APPLIED, to, new StatusUpdate(null, null,
                        to == RemediationStatus.VERIFY_FAILED ? "the finding is still " + finding.status() : null, true, after),
                "remediation.verify", caller, Map.of());
        return steps.require(r.id());
    }

    /**
     * Restores the configuration stored before the change and checks it by re-watching. Refused when
     * the resource changed since Watchkeeper's change (someone else's change would be overwritten)
     * unless an admin forces it with a reason; counts against the blast radius like an apply.
     */
    public RemediationView rollback(long id, boolean force, String reason, Caller caller) {
        caller.require(Role.JUSTIFIER);
        RemediationView r = visible(id, caller);
        String why = null;
        if (force) {
            caller.require(Role.ADMIN);
            why = reason(reason, "a forced rollback needs a reason (--reason)");
        }
        if (!r.status().rollbackAllowed()) {
            throw new InvalidInputException("remediation " + id + " is " + r.status().name().toLowerCase()
                    + "; only applied, failed or interrupted remediations roll back");
        }
        requireKillSwitchOff();
        return rollbacks.rollback(r, remediations.require(r.remediationId()), why, caller);
    }

    /** Marks plans left APPLYING by a stopped process as INTERRUPTED, with an audit record. */
    public int recoverInterrupted(Duration olderThan, String actor) {
        int n = 0;
        for (RemediationView r : store.stuckApplying(olderThan)) {
            boolean moved = steps.inTx(() -> {
                if (!store.transition(r.id(), RemediationStatus.APPLYING, RemediationStatus.INTERRUPTED, StatusUpdate.error(
                        "the process stopped while applying; the change may be partly made: re-watch, then roll back or plan again"))) {
                    return false;
                }
                steps.log(actor, "remediation.interrupted", r, Map.of("status", "APPLYING"), Map.of("status", "INTERRUPTED"));
                return true;
            });
            n += moved ? 1 : 0;
        }
        return n;
    }

    /**
     * The background pass: recover interrupted plans, plan fixes for actionable findings that have a
     * remediation (replacing unapplied plans made under another mode), apply what is approved.
     */
    public int runAutomatic(String actor) {
        Caller job = new Caller(actor, Role.ADMIN, AccountScope.ALL, "job");
        recoverInterrupted(Duration.ofMinutes(15), actor);
        if (settings.killSwitch()) {
            return 0;
        }
        for (FindingView f : findings.list(FindingFilter.open())) {
            if (remediations.forCheck(f.check()).isEmpty()) {
                continue;
            }
            Optional<RemediationView> pending = store.pendingFor(f.id());
            if (pending.isPresent() && !modeChanged(pending.get())) {
                continue;
            }
            try {
                plan(String.valueOf(f.id()), pending.map(RemediationView::remediationId).orElse(null), job);
            } catch (RuntimeException e) {
                // nothing to plan for this finding now; it is tried again on the next pass
            }
        }
        int applied = 0;
        for (RemediationView r : store.list(RemediationStatus.APPROVED, AccountScope.ALL, 500)) {
            try {
                if (apply(r.id(), job).status() == RemediationStatus.VERIFIED) {
                    applied++;
                }
            } catch (RuntimeException e) {
                // guard rails (blast radius, staleness) stop this one; the record says why
            }
        }
        return applied;
    }

    /** An unapplied plan made under a mode that no longer applies (e.g. dry-run, now approval). */
    private boolean modeChanged(RemediationView pending) {
        return (pending.status() == RemediationStatus.PLANNED || pending.status() == RemediationStatus.AWAITING_APPROVAL)
                && settings.mode(pending.remediationId(), pending.accountId()) != pending.mode();
    }

    public boolean killSwitch() {
        return settings.killSwitch();
    }

    private void requireKillSwitchOff() {
        if (settings.killSwitch()) {
            throw new RemediationRefusedException(Rule.GUARD_RAIL, "the remediation kill switch is on: nothing is changed"
                    + " (an admin turns it off with `watchkeeper remediations kill-switch off`)");
        }
    }

    private RemediationView visible(long id, Caller caller) {
        RemediationView r = store.find(id).orElseThrow(Caller.NotVisibleException::new);
        caller.requireAccount(r.accountId());
        return r;
    }

    /** The account's name as a shell argument. */
    private String accountName(RemediationView r) {
        String name = accounts.findById(r.accountId()).map(Account::name).orElse(String.valueOf(r.accountId()));
        return name.matches("[A-Za-z0-9._@:/-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }

    private static String reason(String reason, String missing) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(missing);
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("the reason is longer than 2000 characters");
        }
        return reason.strip();
    }
}
