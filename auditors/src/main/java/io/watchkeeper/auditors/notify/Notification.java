package io.watchkeeper.auditors.notify;

import java.util.Objects;

/**
 * A message for people, channel-neutral: a one-line subject and a plain-text body. Builders make
 * every cloud-controlled value one line (see {@link Text#oneLine}); channels still escape and
 * sanitise for their own medium.
 *
 * @param subject one line
 * @param body plain text, lines separated by {@code \n}
 */
public record Notification(String subject, String body) {

    public Notification {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
