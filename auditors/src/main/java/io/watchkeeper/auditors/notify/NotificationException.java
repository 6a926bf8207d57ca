package io.watchkeeper.auditors.notify;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;

/** A notification could not be delivered; the message says by which channel and why. */
public class NotificationException extends WatchkeeperException {

    public NotificationException(ErrorCategory category, String message, Throwable cause) {
        super(category, message, cause);
    }

    public NotificationException(ErrorCategory category, String message) {
        super(category, message);
    }
}
