package io.watchkeeper.web.code;

import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.github.GitHubSession;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link RejudgeJob}: opens the organisation's GitHub session and judges the check runs again. */
final class Rejudger {

    private static final Logger LOG = LoggerFactory.getLogger(Rejudger.class);

    private final CodeReviewStore store;
    private final GitHubAccountsByOrg accounts;
    private final CheckConclusions conclusions;

    Rejudger(CodeReviewStore store, GitHubAccountsByOrg accounts, CheckConclusions conclusions) {
        this.store = store;
        this.accounts = accounts;
        this.conclusions = conclusions;
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
            return updated;
        }
    }
}
