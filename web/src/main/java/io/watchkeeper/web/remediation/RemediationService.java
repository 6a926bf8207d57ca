package io.watchkeeper.web.remediation;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.RemediationRegistry;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.finding.AuditStore;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationStore;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.SessionFactory;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.core.watch.ScopeKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Plan → (approval) → apply → verify by re-watching → rollback to the stored configuration.
 * Guard rails: the mode per remediation and account (dry-run by default), a kill switch, a
 * blast-radius limit per account per hour, compare-and-set status changes (two nodes never apply
 * one plan twice), a staleness check (a resource changed since planning is not touched), and an
 * audit-log entry with before/after for every step. A process that stops while applying leaves
 * an APPLYING row that {@link #recoverInterrupted} turns into INTERRUPTED.
 */
public final class RemediationService {

    private final RemediationRegistry remediations;
    private final RemediationStore store;
    private final FindingReader findings;
    private final AuditStore items;
    private final AccountStore accounts;
    private final SessionFactory sessions;
    private final WatchRunner runner;
    private final WatcherRegistry watchers;
    private final AuditEngine engine;
    private final AuditLog auditLog;
    private final boolean killSwitchProperty;
    private final Consumer<RemediationView> awaitingApproval;

    public RemediationService(RemediationRegistry remediations, RemediationStore store, FindingReader findings,
                              AuditStore items, AccountStore accounts, SessionFactory sessions, WatchRunner runner,
                              WatcherRegistry watchers, AuditEngine engine, AuditLog auditLog, boolean killSwitchProperty,
                              Consumer<RemediationView> awaitingApproval) {
        this.remediations = remediations;
        this.store = store;
        this.findings = findings;
        this.items = items;
        this.accounts = accounts;
        this.sessions = sessions;
        this.runner = runner;
        this.watchers = watchers;
        this.engine = engine;
        this.auditLog = auditLog;
        this.killSwitchProperty = killSwitchProperty;
        this.awaitingApproval = awaitingApproval;
    }

    public RemediationRegistry registry() {
        return remediations;
    }

    public RemediationStore store() {
        return store;
    }

    /** Plans a fix for a finding (the first remediation for its check unless one is named). */
    public RemediationView plan(String findingRef, String remediationId, String actor) {
        FindingView finding = findings.find(findingRef)
                .orElseThrow(() -> new InvalidInputException("no finding '" + findingRef + "'"));
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
        ItemSnapshot item = items.items(List.of(finding.itemId())).stream().findFirst()
                .filter(i -> !i.deleted() && i.config() != null)
                .orElseThrow(() -> new InvalidInputException("the resource of finding " + finding.id() + " is gone"));
        long accountId = item.accountId();
        RemediationPlan plan = planWith(remediation, finding, item.config());
        if (plan.empty()) {
            throw new InvalidInputException("nothing to do: the stored configuration no longer shows the problem");
        }
        RemediationMode mode = store.mode(remediation.id(), accountId);
        RemediationStatus status = switch (mode) {
            case DRY_RUN -> RemediationStatus.PLANNED;
            case APPROVAL -> RemediationStatus.AWAITING_APPROVAL;
            case AUTOMATIC -> RemediationStatus.APPROVED;
        };
        RemediationView view = store.create(remediation.id(), finding.id(), accountId, item.itemId(),
                item.resourceId(), plan.region(), status, mode, plan, item.config(),
                CanonicalJson.durableHash(item.config(), remediation.configType()), actor);
        log(actor, "remediation.plan", view, null, Map.of("status", status, "mode", mode, "plan", plan));
        if (status == RemediationStatus.AWAITING_APPROVAL) {
            awaitingApproval.accept(view);
        }
        return view;
    }

    public RemediationView approve(long id, String actor) {
        RemediationView r = require(id);
        if (r.mode() == RemediationMode.DRY_RUN) {
            throw new InvalidInputException("remediation " + id + " was planned in dry-run mode; set the mode to "
                    + "approval or automatic for its account and plan again");
        }
        move(r, RemediationStatus.AWAITING_APPROVAL, RemediationStatus.APPROVED, actor, null, null, "remediation.approve", actor);
        return require(id);
    }

    public RemediationView reject(long id, String actor, String reason) {
        RemediationView r = require(id);
        if (r.status() != RemediationStatus.AWAITING_APPROVAL && r.status() != RemediationStatus.APPROVED
                && r.status() != RemediationStatus.PLANNED) {
            throw new InvalidInputException("remediation " + id + " is " + r.status() + " and cannot be rejected");
        }
        move(r, r.status(), RemediationStatus.REJECTED, null, null, reason, "remediation.reject", actor);
        return require(id);
    }

    /** Applies an approved plan, then verifies it by re-watching the resource. */
    public RemediationView apply(long id, String actor) {
        RemediationView r = beginApply(id, actor);
        return finishApply(r, actor);
    }

    /** Checks the guard rails and marks the plan APPLYING (committed before any call is made). */
    RemediationView beginApply(long id, String actor) {
        RemediationView r = require(id);
        if (r.status() != RemediationStatus.APPROVED) {
            throw new InvalidInputException("remediation " + id + " is " + r.status().name().toLowerCase()
                    + (r.status() == RemediationStatus.AWAITING_APPROVAL ? "; approve it first" : "; only approved plans apply"));
        }
        if (killSwitch()) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "the remediation kill switch is on: nothing is applied");
        }
        int limit = store.maxChangesPerAccountPerHour();
        if (store.appliedSince(r.accountId(), Duration.ofHours(1)) >= limit) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "blast-radius limit reached: " + limit
                    + " change(s) in this account in the last hour");
        }
        Remediation<?> remediation = remediations.require(r.remediationId());
        ItemSnapshot now = items.items(List.of(r.itemId())).stream().findFirst().orElse(null);
        if (now == null || now.deleted() || now.config() == null
                || !CanonicalJson.durableHash(now.config(), remediation.configType()).equals(r.beforeHash())) {
            move(r, RemediationStatus.APPROVED, RemediationStatus.SUPERSEDED, null, null,
                    "the resource changed after planning", "remediation.supersede", actor);
            throw new InvalidInputException("the resource changed after remediation " + id + " was planned; plan again");
        }
        move(r, RemediationStatus.APPROVED, RemediationStatus.APPLYING, null, null, null, "remediation.apply.start", actor);
        return require(id);
    }

    RemediationView finishApply(RemediationView r, String actor) {
        Remediation<?> remediation = remediations.require(r.remediationId());
        Account account = accounts.findById(r.accountId()).orElseThrow();
        List<String> done = new ArrayList<>();
        try (CloudSession session = sessions.open(account)) {
            for (ApiCall call : r.plan().calls()) {
                remediation.execute(call, session);
                done.add(call.operation());
            }
        } catch (RuntimeException e) {
            String error = "after " + done + ": " + oneLine(e);
            move(r, RemediationStatus.APPLYING, RemediationStatus.FAILED, null, null, error, "remediation.apply.failed", actor);
            return require(r.id());
        }
        move(r, RemediationStatus.APPLYING, RemediationStatus.APPLIED, null, null, null, "remediation.apply.done", actor);
        return verify(r.id(), actor);
    }

    /** Re-watches the resource and checks the finding is gone. */
    public RemediationView verify(long id, String actor) {
        RemediationView r = require(id);
        rewatch(r, actor);
        FindingView finding = findings.find(String.valueOf(r.findingId())).orElseThrow();
        RemediationStatus to = finding.status() == FindingStatus.FIXED ? RemediationStatus.VERIFIED
                : RemediationStatus.VERIFY_FAILED;
        move(r, RemediationStatus.APPLIED, to, null, null,
                to == RemediationStatus.VERIFY_FAILED ? "the finding is still " + finding.status() : null,
                "remediation.verify", actor);
        return require(id);
    }

    /** Restores the configuration stored before the change and checks it by re-watching. */
    public RemediationView rollback(long id, String actor) {
        RemediationView r = require(id);
        if (!r.status().rollbackAllowed()) {
            throw new InvalidInputException("remediation " + id + " is " + r.status().name().toLowerCase()
                    + "; only applied, failed or interrupted remediations roll back");
        }
        if (killSwitch()) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "the remediation kill switch is on: nothing is changed");
        }
        Remediation<?> remediation = remediations.require(r.remediationId());
        RemediationPlan back = rollbackWith(remediation, r.plan(), r.beforeConfig());
        move(r, r.status(), RemediationStatus.ROLLING_BACK, null, back, null, "remediation.rollback.start", actor);
        Account account = accounts.findById(r.accountId()).orElseThrow();
        try (CloudSession session = sessions.open(account)) {
            for (ApiCall call : back.calls()) {
                remediation.execute(call, session);
            }
        } catch (RuntimeException e) {
            move(r, RemediationStatus.ROLLING_BACK, RemediationStatus.ROLLBACK_FAILED, null, null, oneLine(e),
                    "remediation.rollback.failed", actor);
            return require(id);
        }
        rewatch(r, actor);
        ItemSnapshot now = items.items(List.of(r.itemId())).stream().findFirst().orElseThrow();
        boolean restored = now.config() != null
                && CanonicalJson.durableHash(now.config(), remediation.configType()).equals(r.beforeHash());
        move(r, RemediationStatus.ROLLING_BACK, restored ? RemediationStatus.ROLLED_BACK : RemediationStatus.ROLLBACK_FAILED,
                null, null, restored ? null : "the configuration after rollback differs from the one before the change",
                "remediation.rollback.done", actor);
        return require(id);
    }

    /** Marks plans left APPLYING by a stopped process as INTERRUPTED, with an audit record. */
    public int recoverInterrupted(Duration olderThan, String actor) {
        int n = 0;
        for (RemediationView r : store.stuckApplying(olderThan)) {
            if (store.transition(r.id(), RemediationStatus.APPLYING, RemediationStatus.INTERRUPTED, null, null,
                    "the process stopped while applying; the change may be partly made: re-watch, then roll back or plan again")) {
                log(actor, "remediation.interrupted", r, Map.of("status", "APPLYING"), Map.of("status", "INTERRUPTED"));
                n++;
            }
        }
        return n;
    }

    /**
     * The background pass: recover interrupted plans, plan fixes for actionable findings that have
     * a remediation, supersede plans whose finding went away, apply what is approved.
     */
    public int runAutomatic(String actor) {
        recoverInterrupted(Duration.ofMinutes(15), actor);
        if (killSwitch()) {
            return 0;
        }
        for (FindingView f : findings.list(FindingFilter.open())) {
            if (remediations.forCheck(f.check()).isEmpty() || store.pendingFor(f.id()).isPresent()) {
                continue;
            }
            try {
                plan(String.valueOf(f.id()), null, actor);
            } catch (RuntimeException e) {
                // nothing to plan for this finding now; it is tried again on the next pass
            }
        }
        int applied = 0;
        for (RemediationView r : store.list(RemediationStatus.APPROVED, 500)) {
            try {
                RemediationView done = apply(r.id(), actor);
                if (done.status() == RemediationStatus.VERIFIED) {
                    applied++;
                }
            } catch (RuntimeException e) {
                // guard rails (blast radius, staleness) stop this one; the record says why
            }
        }
        return applied;
    }

    public boolean killSwitch() {
        return killSwitchProperty || store.killSwitch();
    }

    private void rewatch(RemediationView r, String actor) {
        ItemSnapshot item = items.items(List.of(r.itemId())).stream().findFirst().orElseThrow();
        Account account = accounts.findById(r.accountId()).orElseThrow();
        ResourceType type = ResourceType.of(item.type());
        boolean regional = watchers.require(type).scopeKind() == ScopeKind.REGIONAL;
        RunSummary run = runner.run(new WatchRequest(List.of(account), Set.of(type),
                regional ? Set.of(item.region()) : Set.of(), "remediation", actor, true), WatchProgress.NONE);
        engine.auditChanged(run.changedItemIds(), "remediation", actor);
        if (run.anyFailed()) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "re-watch failed: "
                    + run.scopes().stream().filter(s -> s.failed()).map(s -> s.message()).toList());
        }
    }

    private RemediationView require(long id) {
        return store.find(id).orElseThrow(() -> new InvalidInputException("no remediation " + id));
    }

    private void move(RemediationView r, RemediationStatus from, RemediationStatus to, String approvedBy,
                      RemediationPlan rollbackPlan, String error, String action, String actor) {
        if (!store.transition(r.id(), from, to, approvedBy, rollbackPlan, error)) {
            throw new InvalidInputException("remediation " + r.id() + " is no longer " + from.name().toLowerCase()
                    + " (someone else acted on it)");
        }
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("status", to);
        if (rollbackPlan != null) {
            after.put("rollbackPlan", rollbackPlan);
        }
        if (error != null) {
            after.put("error", error);
        }
        log(actor, action, r, Map.of("status", from), after);
    }

    private void log(String actor, String action, RemediationView r, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> b = before == null ? null : new java.util.LinkedHashMap<>(before);
        if (b != null) {
            b.put("config", r.beforeConfig());
        }
        auditLog.record(new AuditEntry(actor, action, "remediation:" + r.id() + ":" + r.resourceId(),
                b == null ? null : Json.tree(b), Json.tree(after)));
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> RemediationPlan planWith(Remediation<C> remediation, FindingView finding,
                                                              JsonNode config) {
        return remediation.plan(finding, Json.mapper().treeToValue(config, remediation.configType()));
    }

    private static <C extends Record> RemediationPlan rollbackWith(Remediation<C> remediation, RemediationPlan applied,
                                                                  JsonNode before) {
        return remediation.rollback(applied, Json.mapper().treeToValue(before, remediation.configType()));
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }
}
