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
 * Ignored and accepted findings (still in force) are left out of both and of the conclusion. Comments
 * of findings a later push removed are marked fixed; deterministic IaC fixes come as suggestion blocks
 * ({@link Placements}); findings joined to a watched item (the IAM user owning a key) link it.
 */
public final class PullRequestReviewer {

    private static final Logger LOG = LoggerFactory.getLogger(PullRequestReviewer.class);

    private final CodeReviewStore store;
    private final GitHubAccountsByOrg accounts;
    private final RepoFetcher fetcher;
    private final java.util.function.Supplier<CodeScanner> scanner;
    private final CodeReviewProperties properties;
    private final String consoleUrl;

    public PullRequestReviewer(CodeReviewStore store, GitHubAccountsByOrg accounts, RepoFetcher fetcher,
                               java.util.function.Supplier<CodeScanner> scanner, CodeReviewProperties properties,
                               String consoleUrl) {
        this.consoleUrl = consoleUrl;
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
            Path dir;
            try {
                dir = fetcher.fetch(account.id(), repoId, pr, session.gitPassword());
            } catch (RepoFetcher.BoundExceeded e) {
                return notScanned(session.api(), pr, prId, e, (System.nanoTime() - fetchStarted) / 1_000_000);
            }
            long started = System.nanoTime();
            String spec = pr.baseSha() + "..." + pr.headSha();
            ScanResult result = scanner.get().scan(new ScanRequest.PullRequest(dir, spec), ScanProgress.NONE);
            Map<String, ReviewReport.Placement> placements = Placements.of(dir, spec, result.findings());
            List<Finding> all = store.saveFindings(prId, pr.headSha(), result.findings().stream()
                    .map(f -> new CodeReviewStore.Found(f.fingerprint(), f.ruleId(), f.severity().name(), f.path(),
                            f.startLine(), f.endLine(), f.message(), linkedItem(f)))
                    .toList());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Set<String> accepted = store.acceptedRisks(AccountScope.ALL, repoId).stream()
                    .filter(r -> r.appliesOn(today)).map(CodeReviewStore.AcceptedRisk::fingerprint)
                    .collect(Collectors.toSet());
            List<Finding> present = all.stream().filter(Finding::present).toList();
            ReviewReport report = new ReviewReport(
                    present.stream().filter(f -> !accepted.contains(f.fingerprint())).toList(),
                    present.stream().filter(f -> accepted.contains(f.fingerprint())).toList(),
                    properties.failOnSeverity(), properties.maxComments(), placements, consoleUrl);
            String repoPath = "/repos/" + GitHubApi.segment(pr.owner()) + "/" + GitHubApi.segment(pr.repo());
            GitHubApi api = session.api();
            markFixed(api, repoPath, pr.headSha(), all);
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

    /**
     * The fetch hit a bound: a completed check run that says why and does not pass (timed out, or failed
     * for size: a pull request must not get past the gate by being too big to scan).
     */
    private Outcome notScanned(GitHubApi api, WebhookEvent.PullRequestEvent pr, long prId, RepoFetcher.BoundExceeded e,
                               long fetchMillis) {
        String conclusion = e.timedOut() ? "timed_out" : "failure";
        ObjectNode body = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("name", properties.checkName()).put("head_sha", pr.headSha()).put("status", "completed")
                .put("conclusion", conclusion);
        body.putObject("output").put("title", e.timedOut() ? "Not scanned: the fetch took too long"
                        : "Not scanned: the pull request is too large to fetch")
                .put("summary", "Watchkeeper did not scan this push: " + e.getMessage()
                        + ". An administrator can raise the limit, or the pull request can be split.");
        String repoPath = "/repos/" + GitHubApi.segment(pr.owner()) + "/" + GitHubApi.segment(pr.repo());
        JsonNode check = expect(api.write("POST", repoPath + "/check-runs", body), "creating the check run");
        store.finishScan(prId, check.path("id").asLong(), conclusion, 0);
        LOG.warn("pull request {}#{} at {} not scanned: {}", pr.owner() + "/" + pr.repo(), pr.number(), pr.headSha(),
                e.getMessage());
        return new Outcome(prId, conclusion, 0, 0, fetchMillis, 0);
    }

    /** The watched item a finding is joined to: the IAM user owning a key, or the live resource declared. */
    static Long linkedItem(io.watchkeeper.codescanner.finding.Finding f) {
        if (f.owner() != null) {
            return f.owner().itemId();
        }
        return f.iac() != null && f.iac().live() != null ? f.iac().live().itemId() : null;
    }

    /**
     * Comments of findings this head no longer has are edited to say so, once ({@link ReviewReport#fixedBody}).
     * A comment deleted on GitHub meanwhile (404) counts as done; another failure is logged and tried again
     * at the next push.
     */
    private void markFixed(GitHubApi api, String repoPath, String headSha, List<Finding> all) {
        for (Finding f : all) {
            if (f.present() || f.commentId() == null || f.commentFixedSha() != null) {
                continue;
            }
            GitHubApi.Answer answer = api.write("PATCH", repoPath + "/pulls/comments/" + f.commentId(),
                    tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                            .put("body", ReviewReport.fixedBody(f, headSha)));
            if (answer.ok() || answer.status() == 404) {
                store.markCommentFixed(f.id(), headSha);
            } else {
                LOG.warn("marking comment {} fixed: GitHub answered {} {}", f.commentId(), answer.status(), answer.message());
            }
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
