package io.watchkeeper.core.model;

import java.util.Objects;

/** An error that carries its {@link ErrorCategory}. */
public class WatchkeeperException extends RuntimeException {

    private final ErrorCategory category;

    public WatchkeeperException(ErrorCategory category, String message) {
        this(category, message, null);
    }

    public WatchkeeperException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    public ErrorCategory category() {
        return category;
    }
}
