package io.watchkeeper.auditors.notify;

/** Somewhere notifications go: e-mail, a chat webhook. */
public interface NotificationChannel {

    /** Short stable name, e.g. {@code email} or {@code slack}; part of deduplication keys. */
    String name();

    /**
     * Delivers one notification, or throws {@link NotificationException} saying why it could not
     * (refused, unreachable, timed out). Returns only once the receiving server accepted it.
     */
    void send(Notification notification);
}
