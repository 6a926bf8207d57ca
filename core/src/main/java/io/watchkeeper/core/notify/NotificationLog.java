package io.watchkeeper.core.notify;

import java.time.Instant;

/**
 * Remembers which notifications were sent, so that each is sent at most once however many
 * processes (scheduler replicas, a CLI run beside the server) ask to send it.
 *
 * <p>A notification is named by a {@code kind} (what it is, e.g. {@code daily-digest/email}) and
 * a {@code key} (which one, e.g. the date {@code 2026-11-22}). Both are non-blank strings of at
 * most 200 characters; implementations compare them exactly (case-sensitive, no trimming).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Atomic across processes.</b> Of any number of concurrent {@link #claim} calls for the
 *       same (kind, key), in one process or in many sharing the same store, exactly one returns
 *       {@code true}; every other returns {@code false}. A PostgreSQL implementation gets this from
 *       a primary key on (kind, key) and {@code INSERT ... ON CONFLICT DO NOTHING}, reading the
 *       inserted row count in the same statement; a check-then-insert in two statements is wrong.</li>
 *   <li><b>Idempotent.</b> Once a claim has succeeded, every later claim of the same (kind, key)
 *       returns {@code false}, until {@link #release} removes it. Calling {@link #release} for a
 *       pair that is not claimed does nothing.</li>
 *   <li><b>Durable.</b> A successful claim survives a restart of the process that made it: when
 *       {@code claim} returns, the record is committed (not in a caller's open transaction).</li>
 *   <li>{@code at} is stored with the claim for people and for clean-up (records older than a
 *       retention period may be deleted by the store; a deleted record can be claimed again, so
 *       keep them longer than any key can recur, e.g. 400 days for a daily digest).</li>
 *   <li>Store failures are thrown (unchecked), never reported as {@code false}: {@code false}
 *       means "already sent" and makes the caller skip the notification.</li>
 * </ul>
 *
 * <p>Callers claim <em>before</em> sending, so a notification is sent at most once, and
 * {@link #release} the claim when the send failed, so that a later attempt may send it. The price
 * of at-most-once: a process that dies between its claim and its send loses that one notification.
 */
public interface NotificationLog {

    /**
     * Records that ({@code kind}, {@code key}) is being sent at {@code at}.
     *
     * @return true when this call made the claim (the caller sends), false when the pair was
     *     already claimed (the caller does not send)
     */
    boolean claim(String kind, String key, Instant at);

    /** Forgets a claim after its send failed, so that it may be claimed (and sent) again. */
    void release(String kind, String key);
}
