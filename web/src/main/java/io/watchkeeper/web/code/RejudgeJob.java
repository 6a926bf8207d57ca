package io.watchkeeper.web.code;

/**
 * Queued work after a decision on a finding (ignored, risk accepted, decision revoked), however it was
 * made (console, API, command line, {@code /watchkeeper} on GitHub): the check runs of the repository's
 * pull requests that count {@code fingerprint} are judged again ({@link CheckConclusions}) by a queue
 * worker. Its delivery id is synthetic, {@code decision:<risk id>:<accept|revoke>}.
 */
public record RejudgeJob(long repositoryId, String fingerprint) {

    /** The {@code code_job.kind} of this work. */
    public static final String KIND = "rejudge";

    /** The synthetic delivery a decision records; {@code action}: accept or revoke. */
    public static String deliveryId(long riskId, String action) {
        return "decision:" + riskId + ":" + action;
    }
}
