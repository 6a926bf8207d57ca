package io.watchkeeper.web.code;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.core.code.CodeReviewStore.Finding;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.github.GitHubApi;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * After {@code /watchkeeper ignore|accept-risk}: the check runs of the repository's pull requests that
 * have one of the decided findings at their last scanned head are judged again from the stored findings
 * (no new scan) and updated in place ({@code PATCH}: conclusion, title and summary; the annotations
 * GitHub already holds stay, the summary says how many were ignored or accepted).
 */
final class CheckConclusions {

    private static final Logger LOG = LoggerFactory.getLogger(CheckConclusions.class);

    private final CodeReviewStore store;
    private final CodeReviewProperties properties;
    private final String consoleUrl;

    CheckConclusions(CodeReviewStore store, CodeReviewProperties properties, String consoleUrl) {
        this.store = store;
        this.properties = properties;
        this.consoleUrl = consoleUrl;
    }

    /** Pull requests whose check run was updated: number -> new conclusion. */
    List<String> refresh(GitHubApi api, long repositoryId, String owner, String repo, Set<String> fingerprints) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> accepted = store.acceptedRisks(AccountScope.ALL, repositoryId).stream()
                .filter(r -> r.appliesOn(today)).map(CodeReviewStore.AcceptedRisk::fingerprint).collect(Collectors.toSet());
        String repoPath = "/repos/" + GitHubApi.segment(owner) + "/" + GitHubApi.segment(repo);
        List<String> updated = new ArrayList<>();
        for (CodeReviewStore.PullRequest pr : store.pullRequests(repositoryId)) {
            if (pr.checkRunId() == null) {
                continue;
            }
            List<Finding> present = store.findings(pr.id()).stream().filter(Finding::present).toList();
            if (present.stream().noneMatch(f -> fingerprints.contains(f.fingerprint()))) {
                continue;
            }
            ReviewReport report = new ReviewReport(
                    present.stream().filter(f -> !accepted.contains(f.fingerprint())).toList(),
                    present.stream().filter(f -> accepted.contains(f.fingerprint())).toList(),
                    properties.failOnSeverity(), properties.maxComments(), java.util.Map.of(), consoleUrl);
            ObjectNode body = Json.object().put("status", "completed").put("conclusion", report.conclusion());
            body.putObject("output").put("title", report.title()).put("summary", report.summary());
            GitHubApi.Answer answer = api.write("PATCH", repoPath + "/check-runs/" + pr.checkRunId(), body);
            if (answer.ok()) {
                store.setConclusion(pr.id(), report.conclusion());
                updated.add("#" + pr.number() + " " + report.conclusion());
            } else {
                LOG.warn("updating check run {} of {}#{}: GitHub answered {} {}", pr.checkRunId(), repoPath, pr.number(),
                        answer.status(), answer.message());
            }
        }
        return updated;
    }
}
