package io.watchkeeper.core.code;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.cert.SealedKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Pull-request scanning state in the database: webhook deliveries (each once) and the work they
 * queue, repositories, pull requests, their findings by fingerprint (with the review comment posted
 * for each) and accepted risks. Writes that belong together are made in the caller's transaction.
 */
public interface CodeReviewStore {

    /** A repository of a watched GitHub organisation. */
    record Repository(long id, long accountId, String account, long githubId, String fullName, int pullRequests) {}

    /** A pull request as last scanned. */
    record PullRequest(long id, long repositoryId, String repository, long accountId, int number, String title,
                       String author, String headSha, String baseSha, Long checkRunId, String conclusion,
                       OffsetDateTime scannedAt, Integer scanMillis, int openFindings) {}

    /**
     * A finding of a pull request; {@code present}: found at the last scanned head; {@code itemId}: the
     * watched item it is joined to (the IAM user owning a key, the live resource a declaration matches),
     * or null; {@code commentFixedSha}: the head at which its review comment was marked fixed, or null.
     */
    record Finding(long id, long pullRequestId, String fingerprint, String ruleId, String severity, String path,
                   int startLine, int endLine, String message, String firstSha, String lastSha, boolean present,
                   Long commentId, Long itemId, String commentFixedSha) {

        public Finding(long id, long pullRequestId, String fingerprint, String ruleId, String severity, String path,
                       int startLine, int endLine, String message, String firstSha, String lastSha, boolean present,
                       Long commentId) {
            this(id, pullRequestId, fingerprint, ruleId, severity, path, startLine, endLine, message, firstSha, lastSha,
                    present, commentId, null, null);
        }
    }

    /** A finding found at a head commit, to store; {@code itemId}: the watched item it is joined to, or null. */
    record Found(String fingerprint, String ruleId, String severity, String path, int startLine, int endLine,
                 String message, Long itemId) {

        public Found(String fingerprint, String ruleId, String severity, String path, int startLine, int endLine,
                     String message) {
            this(fingerprint, ruleId, severity, path, startLine, endLine, message, null);
        }
    }

    /** An ignored finding or an accepted risk (until {@code expiresOn}, inclusive). */
    record AcceptedRisk(long id, long repositoryId, String repository, long accountId, String fingerprint, String kind,
                        String reason, LocalDate expiresOn, String createdBy, OffsetDateTime createdAt) {
        /** Whether it still applies on {@code day}. */
        public boolean appliesOn(LocalDate day) {
            return expiresOn == null || !expiresOn.isBefore(day);
        }
    }

    /** Work claimed from the queue. */
    record Job(long id, String deliveryId, String kind, String payload, int attempts) {}

    // webhook deliveries and the queue

    /** Records a delivery; false when it was recorded before (a redelivery: nothing to do). */
    boolean recordDelivery(String deliveryId, String event);

    void enqueue(String deliveryId, String kind, String payloadJson);

    /**
     * Claims the oldest queued job (or one claimed more than {@code stale} ago by a node that died),
     * skipping jobs other nodes hold; jobs tried {@code maxAttempts} times are failed instead.
     */
    Optional<Job> claim(String node, Duration stale, int maxAttempts);

    void finish(long jobId, String error);

    /** Puts a failed job back in the queue for another attempt, keeping the error. */
    void requeue(long jobId, String error);

    /** Jobs not yet done (queued or running). */
    int pending();

    // repositories, pull requests, findings

    long upsertRepository(long accountId, long githubId, String fullName);

    long upsertPullRequest(long repositoryId, int number, String title, String author, String headSha, String baseSha);

    /**
     * Stores what a scan of {@code headSha} found: known fingerprints are updated and marked present,
     * new ones added, those not found any more marked absent. A finding back after its comment was marked
     * fixed loses that comment (it gets a new one). Returns every finding of the pull request.
     */
    List<Finding> saveFindings(long pullRequestId, String headSha, List<Found> found);

    void setComment(long findingId, long commentId);

    /** Its review comment was marked fixed at {@code headSha}. */
    void markCommentFixed(long findingId, String headSha);

    /** The conclusion of the pull request's check run changed (a finding ignored or accepted since the scan). */
    void setConclusion(long pullRequestId, String conclusion);

    void finishScan(long pullRequestId, Long checkRunId, String conclusion, int millis);

    List<Finding> findingsByComment(long repositoryId, long commentId);

    List<Repository> repositories(AccountScope scope);

    Optional<Repository> repository(long id);

    List<PullRequest> pullRequests(long repositoryId);

    Optional<PullRequest> pullRequest(long id);

    Optional<PullRequest> pullRequest(long repositoryId, int number);

    List<Finding> findings(long pullRequestId);

    // accepted risks

    /** Active (not revoked) risks of the accounts in scope, or of one repository when {@code repositoryId} is set. */
    List<AcceptedRisk> acceptedRisks(AccountScope scope, Long repositoryId);

    Optional<AcceptedRisk> acceptedRisk(long id);

    /** Adds a risk, revoking (by {@code actor}) an active one for the same fingerprint. */
    AcceptedRisk addRisk(long repositoryId, String fingerprint, String kind, String reason, LocalDate expiresOn,
                         String actor);

    boolean revokeRisk(long id, String actor);

    // the webhook secret

    Optional<SealedKey> webhookSecret();

    void putWebhookSecret(SealedKey sealed);

    /**
     * Replaces the stored secret's wrapped data key (master key rotation; the ciphertext stays) when the
     * row is still {@code expected}; false when it changed meanwhile or there is none.
     */
    boolean rewrapWebhookSecret(SealedKey expected, SealedKey rewrapped);
}
