package io.watchkeeper.web.code;

import io.watchkeeper.codescanner.CodeScanner;
import io.watchkeeper.codescanner.ScanProgress;
import io.watchkeeper.codescanner.ScanRequest;
import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.core.code.CodeReviewStore.Finding;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pull request opened, pushed to or reopened: fetch base and head, scan what the head adds since the
 * merge base, store the findings by fingerprint, then on GitHub a completed check run on the head commit
 * (annotations in batches of 50) and one review commenting only findings never commented before.
 * Ignored and accepted findings (still in force) are left out of both and of the conclusion.
 */
public final class PullRequestReviewer {

    private static final Logger LOG = LoggerFactory.getLogger(PullRequestReviewer.class);

    private final CodeReviewStore store;
    private final GitHubAccountsByOrg accounts;
    private final RepoFetcher fetcher;
    private final java.util.function.Supplier<CodeScanner> scanner;
    private final CodeReviewProperties properties;

    public PullRequestReviewer(CodeReviewStore store, GitHubAccountsByOrg accounts, RepoFetcher fetcher,
                               java.util.function.Supplier<CodeScanner> scanner, CodeReviewProperties properties) {
        this.store = store;
        this.accounts = accounts;
        this.fetcher = fetcher;
        this.scanner = scanner;
        this.properties = properties;
    }

    /** What one review did (for logs and benchmarks). */
    public record Outcome(long pullRequestId, String conclusion, int findings, int newComments, long fetchMillis,
                          long reviewMillis) {}

    public Outcome review(WebhookEvent.PullRequestEvent pr) {
        Account account = accounts.find(pr.owner());
        long repoId = store.upsertRepository(account.id(), pr.repoId(), pr.owner() + "/" + pr.repo());
        long prId = store.upsertPullRequest(repoId, pr.number(), pr.title(), pr.author(), pr.headSha(), pr.baseSha());
        try (GitHubSession session = accounts.open(account)) {
            long fetchStarted = System.nanoTime();
            Path dir = fetcher.fetch(account.id(), repoId, pr, session.gitPassword());
            long started = System.nanoTime();
            ScanResult result = scanner.get().scan(new ScanRequest.PullRequest(dir, pr.baseSha() + "..." + pr.headSha()),
                    ScanProgress.NONE);
            List<Finding> all = store.saveFindings(prId, pr.headSha(), result.findings().stream()
                    .map(f -> new CodeReviewStore.Found(f.fingerprint(), f.ruleId(), f.severity().name(), f.path(),
                            f.startLine(), f.endLine(), f.message()))
                    .toList());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Set<String> accepted = store.acceptedRisks(AccountScope.ALL, repoId).stream()
                    .filter(r -> r.appliesOn(today)).map(CodeReviewStore.AcceptedRisk::fingerprint)
                    .collect(Collectors.toSet());
            List<Finding> present = all.stream().filter(Finding::present).toList();
            ReviewReport report = new ReviewReport(
                    present.stream().filter(f -> !accepted.contains(f.fingerprint())).toList(),
                    present.stream().filter(f -> accepted.contains(f.fingerprint())).toList(),
                    properties.failOnSeverity(), properties.maxComments());
            String repoPath = "/repos/" + GitHubApi.segment(pr.owner()) + "/" + GitHubApi.segment(pr.repo());
            GitHubApi api = session.api();
            int comments = postReview(api, repoPath, pr, report);
            JsonNode check = expect(api.write("POST", repoPath + "/check-runs", report.checkRun(properties.checkName(),
                    pr.headSha())), "creating the check run");
            long checkRunId = check.path("id").asLong();
            for (ObjectNode more : report.moreAnnotations()) {
                expect(api.write("PATCH", repoPath + "/check-runs/" + checkRunId, more), "adding annotations");
            }
            long done = System.nanoTime();
            int millis = (int) ((done - started) / 1_000_000);
            store.finishScan(prId, checkRunId, report.conclusion(), millis);
            LOG.info("pull request {}#{} at {}: {} finding(s), {} new comment(s), {} (fetch {} ms, scan and report {} ms)",
                    pr.owner() + "/" + pr.repo(), pr.number(), pr.headSha(), report.active().size(), comments,
                    report.conclusion(), (started - fetchStarted) / 1_000_000, millis);
            return new Outcome(prId, report.conclusion(), report.active().size(), comments,
                    (started - fetchStarted) / 1_000_000, millis);
        }
    }

    private int postReview(GitHubApi api, String repoPath, WebhookEvent.PullRequestEvent pr, ReviewReport report) {
        ObjectNode review = report.review(pr.headSha());
        if (review == null) {
            return 0;
        }
        String pulls = repoPath + "/pulls/" + pr.number();
        JsonNode posted = expect(api.write("POST", pulls + "/reviews", review), "posting the review");
        long reviewId = posted.path("id").asLong();
        Map<String, Long> byFingerprint = new HashMap<>();
        for (JsonNode comment : api.list(pulls + "/reviews/" + reviewId + "/comments")) {
            String body = comment.path("body").asString("");
            int at = body.lastIndexOf(ReviewReport.MARKER);
            if (at >= 0 && comment.path("id").isIntegralNumber()) {
                String fps = body.substring(at + ReviewReport.MARKER.length()).replace("-->", "").strip();
                for (String fp : fps.split(",")) {
                    byFingerprint.put(fp.strip(), comment.path("id").asLong());
                }
            }
        }
        int count = 0;
        for (ReviewReport.LineComment line : report.newComments()) {
            for (Finding f : line.findings()) {
                Long commentId = byFingerprint.get(f.fingerprint());
                if (commentId != null) {
                    store.setComment(f.id(), commentId);
                    count++;
                }
            }
        }
        return count;
    }

    private static JsonNode expect(GitHubApi.Answer answer, String doing) {
        if (!answer.ok()) {
            throw new WatchkeeperException(answer.status() == 403 || answer.status() == 401 ? ErrorCategory.DENIED
                    : ErrorCategory.INVALID_RESPONSE, doing + ": GitHub answered " + answer.status() + " "
                    + answer.message());
        }
        return answer.body();
    }

    static Severity severity(String name) {
        return Severity.parse(name);
    }
}
