package io.watchkeeper.core.model;

/** Input from a person or caller that cannot be accepted; the message says what to change. */
public class InvalidInputException extends WatchkeeperException {

    public InvalidInputException(String message) {
        super(ErrorCategory.INVALID_INPUT, message);
    }
}
