package io.watchkeeper.web.code;

/**
 * Queued work after a decision on a finding (ignored, risk accepted, decision revoked), however it was
 * made (console, API, command line, {@code /watchkeeper} on GitHub): the check runs of the repository's
 * pull requests that count {@code fingerprint} are judged again ({@link CheckConclusions}) by a queue
 * worker. Its delivery id is synthetic, {@code decision:<risk id>:<accept|revoke>}. {@code actor} is who made
 * the decision: the worker's judging again (it edits check runs on GitHub) is audited once in their name
 * ({@code code.check-run.rejudge}); jobs queued before the field existed carry none and are audited as
 * {@value #JOB_ACTOR}.
 */
public record RejudgeJob(long repositoryId, String fingerprint, String actor, String delivery) {

    /** The actor of a job that names no person. */
    public static final String JOB_ACTOR = "job:rejudge";

    /** The {@code code_job.kind} of this work. */
    public static final String KIND = "rejudge";

    /** The synthetic delivery a decision records; {@code action}: accept or revoke. */
    public static String deliveryId(long riskId, String action) {
        return "decision:" + riskId + ":" + action;
    }
}
