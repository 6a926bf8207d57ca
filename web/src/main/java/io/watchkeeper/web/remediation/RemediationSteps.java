package io.watchkeeper.web.remediation;

import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.ChangeClaim;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationStore;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.core.remediation.StatusUpdate;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.SessionFactory;
import io.watchkeeper.web.remediation.RemediationRefusedException.Rule;
import io.watchkeeper.web.security.Caller;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What every step of a remediation does: a compare-and-set status change (or a claim on the
 * account's hourly budget) together with its audit entry in one transaction, and the provider
 * calls. One audit format whichever door the step came through: action {@code remediation.<step>},
 * target {@code remediation:<id>:<resource>}, before/after with the status.
 */
final class RemediationSteps {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final RemediationStore store;
    private final AuditLog auditLog;
    private final TransactionOperations tx;
    private final AccountStore accounts;
    private final List<SessionFactory> sessions;

    RemediationSteps(RemediationStore store, AuditLog auditLog, TransactionOperations tx, AccountStore accounts,
                     List<SessionFactory> sessions) {
        this.store = store;
        this.auditLog = auditLog;
        this.tx = tx;
        this.accounts = accounts;
        this.sessions = List.copyOf(sessions);
    }

    <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    RemediationView require(long id) {
        return store.find(id).orElseThrow(() -> new InvalidInputException("no remediation " + id));
    }

    /** Moves the status (compare-and-set) and writes the audit entry, in one transaction. */
    void move(RemediationView r, RemediationStatus from, RemediationStatus to, StatusUpdate update, String action,
              Caller caller, Map<String, Object> extra) {
        inTx(() -> {
            if (!store.transition(r.id(), from, to, update)) {
                throw changedMeanwhile(r, from);
            }
            log(caller.actor(), action, r, Map.of("status", from), after(to, update, extra));
            return null;
        });
    }

    /**
     * Claims one change of the account's hourly budget, moves the status and writes the audit entry,
     * in one transaction; refuses (nothing written) when the budget is used up.
     */
    void claim(RemediationView r, RemediationStatus from, RemediationStatus to, StatusUpdate update,
               ChangeClaim.Kind kind, String action, Caller caller, Map<String, Object> extra) {
        ChangeClaim claim = inTx(() -> {
            ChangeClaim c = store.claimChange(r.id(), r.accountId(), from, to, update, kind, WINDOW);
            if (c.outcome() == ChangeClaim.Outcome.CLAIMED) {
                log(caller.actor(), action, r, Map.of("status", from), after(to, update, extra));
            }
            return c;
        });
        switch (claim.outcome()) {
            case LIMIT_REACHED -> throw new RemediationRefusedException(Rule.GUARD_RAIL, "blast-radius limit reached: "
                    + claim.limit() + " change(s) in this account in the last hour (applies and rollbacks count); try "
                    + "again later or ask an admin to raise it (`watchkeeper remediations limit <n>`)");
            case NOT_IN_STATUS -> throw changedMeanwhile(r, from);
            case CLAIMED -> { }
        }
    }

    /** Makes the calls of {@code plan} in the remediation's account, in order; {@code done} collects the finished ones. */
    void run(RemediationView r, Remediation<?> remediation, RemediationPlan plan, List<String> done) {
        Account account = accounts.findById(r.accountId()).orElseThrow();
        SessionFactory factory = sessions.stream().filter(f -> f.provider() == account.provider()).findFirst()
                .orElseThrow(() -> new InvalidInputException("no session factory for " + account.provider()
                        + " accounts: remediations cannot run there"));
        try (CloudSession session = factory.open(account)) {
            for (ApiCall call : plan.calls()) {
                remediation.execute(call, session);
                done.add(call.operation());
            }
        }
    }

    void log(String actor, String action, RemediationView r, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> b = before == null ? null : new LinkedHashMap<>(before);
        if (b != null) {
            b.put("config", r.beforeConfig());
        }
        auditLog.record(new AuditEntry(actor, action, "remediation:" + r.id() + ":" + r.resourceId(),
                b == null ? null : Json.tree(b), Json.tree(after)));
    }

    /** The audit entry's "after": the status, and the rollback plan and error when set. */
    static Map<String, Object> after(RemediationStatus to, StatusUpdate update, Map<String, Object> extra) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to);
        if (update.rollbackPlan() != null) {
            after.put("rollbackPlan", update.rollbackPlan());
        }
        if (update.error() != null) {
            after.put("error", update.error());
        }
        after.putAll(extra);
        return after;
    }

    private static InvalidInputException changedMeanwhile(RemediationView r, RemediationStatus from) {
        return new InvalidInputException("remediation " + r.id() + " is no longer " + from.name().toLowerCase()
                + " (someone else acted on it)");
    }
}
