package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.util.List;

/**
 * A notice to the owner of principals a scheduled plan changes, or the record that nobody could be told.
 *
 * @param owner the owner (tag value or configured name), null when the principals have none
 * @param recipient the e-mail address, or the webhook's host (the URL is a secret), null without a contact
 * @param principals the ARNs the notice is about
 * @param detail why it failed or why nobody was told
 */
public record TunerNotice(long id, long planId, String owner, Channel channel, String recipient, List<String> principals,
                          Status status, String detail, Instant createdAt, Instant settledAt) {

    public TunerNotice {
        principals = List.copyOf(principals);
    }

    /** How the notice goes out. */
    public enum Channel { EMAIL, WEBHOOK, NONE }

    /** PENDING until sent; NO_OWNER and NO_CONTACT are final: nobody was notified. */
    public enum Status { PENDING, SENT, FAILED, NO_OWNER, NO_CONTACT }

    /** Whether someone was (or is about to be) told. */
    public boolean notifies() {
        return status == Status.PENDING || status == Status.SENT;
    }
}
