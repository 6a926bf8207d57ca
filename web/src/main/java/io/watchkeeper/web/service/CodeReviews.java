package io.watchkeeper.web.service;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.core.code.CodeReviewStore.AcceptedRisk;
import io.watchkeeper.core.code.CodeReviewStore.PullRequest;
import io.watchkeeper.core.code.CodeReviewStore.Repository;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.code.CodeJobWorker;
import io.watchkeeper.web.code.RejudgeJob;
import io.watchkeeper.web.code.WebhookSecrets;
import io.watchkeeper.web.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pull-request scanning for people, one write path for the console, the API, the command line and
 * the {@code /watchkeeper} commands developers write on GitHub: repositories, their pull requests and
 * findings (viewers of the repository's account; others get 404), ignoring a finding or accepting its
 * risk until a date (justifiers; one audit entry each), revoking that, and the GitHub webhook secret
 * (admins of every account; sealed, audited without its value, never returned). A decision or a revoke
 * queues a {@link RejudgeJob} in its transaction: a queue worker judges the check runs that count the
 * finding again (on this node at once when it runs the queue, else on the next server that polls).
 */
@Service
public class CodeReviews {

    /** Longest reason kept. */
    public static final int MAX_REASON = 2000;

    private final CodeReviewStore store;
    private final AuditLog audit;
    private final WebhookSecrets secrets;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectProvider<CodeJobWorker> worker;

    public CodeReviews(CodeReviewStore store, AuditLog audit, WebhookSecrets secrets,
                       PlatformTransactionManager transactions, ObjectProvider<CodeJobWorker> worker) {
        this.store = store;
        this.audit = audit;
        this.secrets = secrets;
        this.tx = new TransactionTemplate(transactions);
        this.clock = Clock.systemUTC();
        this.worker = worker;
    }

    /** In the decision's transaction: queue the check runs' judging again (the synthetic delivery once). */
    private void queueRejudge(long riskId, String action, long repositoryId, String fingerprint, String actor) {
        String delivery = RejudgeJob.deliveryId(riskId, action);
        if (store.recordDelivery(delivery, "decision")) {
            store.enqueue(delivery, RejudgeJob.KIND, Json.write(new RejudgeJob(repositoryId, fingerprint, actor, delivery)));
        }
    }

    private void nudge() {
        worker.ifAvailable(CodeJobWorker::nudge);
    }

    /** Ignore for good, or accept the risk until a date. */
    public enum RiskKind {
        IGNORE("ignore"), ACCEPT_RISK("accept-risk");

        private final String id;

        RiskKind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static RiskKind parse(String text) {
            for (RiskKind k : values()) {
                if (k.id.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return k;
                }
            }
            throw new InvalidInputException("kind must be 'ignore' or 'accept-risk'");
        }
    }

    public List<Repository> repositories(Caller caller) {
        caller.require(Role.VIEWER);
        return store.repositories(caller.scope());
    }

    public Repository repository(long id, Caller caller) {
        caller.require(Role.VIEWER);
        Repository repo = store.repository(id).orElseThrow(Caller.NotVisibleException::new);
        caller.requireAccount(repo.accountId());
        return repo;
    }

    public List<PullRequest> pullRequests(long repositoryId, Caller caller) {
        repository(repositoryId, caller);
        return store.pullRequests(repositoryId);
    }

    public PullRequest pullRequest(long id, Caller caller) {
        caller.require(Role.VIEWER);
        PullRequest pr = store.pullRequest(id).orElseThrow(Caller.NotVisibleException::new);
        caller.requireAccount(pr.accountId());
        return pr;
    }

    public List<CodeReviewStore.Finding> findings(long pullRequestId, Caller caller) {
        pullRequest(pullRequestId, caller);
        return store.findings(pullRequestId);
    }

    /** Active ignores and accepted risks in the caller's accounts (expired ones included: they no longer apply). */
    public List<AcceptedRisk> acceptedRisks(Caller caller) {
        caller.require(Role.VIEWER);
        return store.acceptedRisks(caller.scope(), null);
    }

    /**
     * Ignores the finding {@code fingerprint} of a repository, or accepts its risk until
     * {@code until} (a date in the future, at most five years ahead), for every later push of every pull
     * request; replaces an earlier decision on the same fingerprint.
     */
    public AcceptedRisk accept(long repositoryId, String fingerprint, RiskKind kind, String reason, LocalDate until,
                               Caller caller) {
        caller.require(Role.JUSTIFIER);
        Repository repo = repository(repositoryId, caller);
        String fp = fingerprint == null ? "" : fingerprint.strip().toLowerCase(java.util.Locale.ROOT);
        if (!fp.matches("[0-9a-f]{32}")) {
            throw new InvalidInputException("a fingerprint is 32 hexadecimal characters");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("a reason is required");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("the reason is longer than " + MAX_REASON + " characters");
        }
        LocalDate today = LocalDate.now(clock);
        if (kind == RiskKind.ACCEPT_RISK) {
            if (until == null || !until.isAfter(today)) {
                throw new InvalidInputException("an accepted risk needs an expiry in the future (until=YYYY-MM-DD)");
            }
            if (until.isAfter(today.plusYears(5))) {
                throw new InvalidInputException("an accepted risk expires within five years");
            }
        } else if (until != null) {
            throw new InvalidInputException("'ignore' takes no expiry; use accept-risk with until=YYYY-MM-DD");
        }
        AcceptedRisk accepted = tx.execute(status -> {
            AcceptedRisk risk = store.addRisk(repo.id(), fp, kind.id(), why, until, caller.actor());
            Map<String, String> after = new LinkedHashMap<>();
            after.put("repository", repo.fullName());
            after.put("fingerprint", fp);
            after.put("reason", why);
            after.put("until", until == null ? "" : until.toString());
            audit.record(new AuditEntry(caller.actor(), "code.risk." + kind.id(), "code-risk:" + risk.id(), null,
                    Json.tree(after)));
            queueRejudge(risk.id(), "accept", repo.id(), fp, caller.actor());
            return risk;
        });
        nudge();
        return accepted;
    }

    public AcceptedRisk revoke(long riskId, Caller caller) {
        caller.require(Role.JUSTIFIER);
        AcceptedRisk risk = store.acceptedRisk(riskId).orElseThrow(Caller.NotVisibleException::new);
        caller.requireAccount(risk.accountId());
        tx.executeWithoutResult(status -> {
            if (!store.revokeRisk(riskId, caller.actor())) {
                throw new Caller.NotVisibleException();
            }
            audit.record(new AuditEntry(caller.actor(), "code.risk.revoke", "code-risk:" + riskId,
                    Json.tree(Map.of("repository", risk.repository(), "fingerprint", risk.fingerprint(),
                            "kind", risk.kind())), null));
            queueRejudge(riskId, "revoke", risk.repositoryId(), risk.fingerprint(), caller.actor());
        });
        nudge();
        return risk;
    }

    /** Sets the GitHub App's webhook secret (the caller wipes the bytes); audited without the value. */
    public void setWebhookSecret(byte[] secret, Caller caller) {
        caller.requireUnrestrictedAdmin();
        if (secret == null || secret.length < 16 || secret.length > 256) {
            throw new InvalidInputException("the webhook secret must have 16 to 256 bytes");
        }
        tx.executeWithoutResult(status -> {
            boolean replaced = secrets.store(secret);
            audit.record(new AuditEntry(caller.actor(), "code.webhook-secret.set", "github-webhook",
                    null, Json.tree(Map.of("secret", replaced ? "replaced (sealed)" : "set (sealed)"))));
        });
    }

    /** Whether a webhook secret is set (never the secret). */
    public boolean webhookSecretSet(Caller caller) {
        caller.require(Role.VIEWER);
        return secrets.isSet();
    }
}
