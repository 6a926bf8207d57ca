package io.watchkeeper.web.code;

import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.github.GitHubSession;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RejudgeJob}: opens the organisation's GitHub session, judges the check runs again and
 * records that once in the audit log, in the name of whoever made the decision (a job that fails
 * records nothing; its retry does).
 */
final class Rejudger {

    private static final Logger LOG = LoggerFactory.getLogger(Rejudger.class);

    private final CodeReviewStore store;
    private final GitHubAccountsByOrg accounts;
    private final CheckConclusions conclusions;
    private final AuditLog audit;

    /** The audit entry's content: the decision (its synthetic delivery) and the pull requests whose check run changed. */
    record Judged(String repository, String fingerprint, String decision, List<String> pullRequests) {}

    Rejudger(CodeReviewStore store, GitHubAccountsByOrg accounts, CheckConclusions conclusions, AuditLog audit) {
        this.store = store;
        this.accounts = accounts;
        this.conclusions = conclusions;
        this.audit = audit;
    }

    /** Pull requests whose check run was updated ("#number conclusion"); none when the repository is gone. */
    List<String> run(RejudgeJob job) {
        CodeReviewStore.Repository repo = store.repository(job.repositoryId()).orElse(null);
        if (repo == null) {
            return List.of(); // deleted with its account meanwhile: nothing to judge
        }
        int slash = repo.fullName().indexOf('/');
        if (slash <= 0) {
            throw new IllegalStateException("repository " + repo.id() + " has no owner in its name");
        }
        String owner = repo.fullName().substring(0, slash);
        String name = repo.fullName().substring(slash + 1);
        try (GitHubSession session = accounts.open(accounts.find(owner))) {
            List<String> updated = conclusions.refresh(session.api(), repo.id(), owner, name, Set.of(job.fingerprint()));
            LOG.info("check runs of {} judged again after a decision on {}: {}", repo.fullName(), job.fingerprint(),
                    updated);
            audit.record(new AuditEntry(job.actor() == null || job.actor().isBlank() ? RejudgeJob.JOB_ACTOR : job.actor(),
                    "code.check-run.rejudge", "code-repository:" + repo.id(), null,
                    Json.tree(new Judged(repo.fullName(), job.fingerprint(), job.delivery(), updated)), repo.accountId()));
            return updated;
        }
    }
}
