package io.watchkeeper.gcp;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.BaseServiceException;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns the exceptions of the GCP clients (gax {@code ApiException}, the REST clients'
 * {@code HttpResponseException}, Cloud Storage's {@code BaseServiceException}, I/O failures) into
 * categorised Watchkeeper errors with a one-line message.
 */
public final class GcpErrors {

    private GcpErrors() {}

    public static WatchkeeperException translate(String doing, Throwable e) {
        if (e instanceof WatchkeeperException w) {
            return w;
        }
        return new WatchkeeperException(category(e), doing + ": " + describe(e), e);
    }

    public static ErrorCategory category(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WatchkeeperException w) {
                return w.category();
            }
            if (t instanceof ApiException api) {
                return category(api.getStatusCode().getCode());
            }
            if (t instanceof HttpResponseException http) {
                return category(http.getStatusCode());
            }
            if (t instanceof BaseServiceException service && service.getCode() > 0) {
                return category(service.getCode());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.google.gson.JsonParseException || t instanceof com.google.protobuf.InvalidProtocolBufferException
                    || t instanceof IllegalArgumentException && String.valueOf(t.getMessage()).contains("JSON")) {
                return ErrorCategory.INVALID_RESPONSE;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return ErrorCategory.UNAVAILABLE;
            }
        }
        return ErrorCategory.INTERNAL;
    }

    static ErrorCategory category(StatusCode.Code code) {
        return switch (code) {
            case PERMISSION_DENIED, UNAUTHENTICATED -> ErrorCategory.DENIED;
            case NOT_FOUND -> ErrorCategory.NOT_FOUND;
            case RESOURCE_EXHAUSTED -> ErrorCategory.THROTTLED;
            case UNAVAILABLE, INTERNAL, DEADLINE_EXCEEDED, UNKNOWN, ABORTED, CANCELLED -> ErrorCategory.UNAVAILABLE;
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE, ALREADY_EXISTS -> ErrorCategory.INVALID_INPUT;
            default -> ErrorCategory.INVALID_RESPONSE;
        };
    }

    static ErrorCategory category(int status) {
        if (status == 401 || status == 403) {
            return ErrorCategory.DENIED;
        }
        if (status == 404) {
            return ErrorCategory.NOT_FOUND;
        }
        if (status == 429) {
            return ErrorCategory.THROTTLED;
        }
        if (status >= 500) {
            return ErrorCategory.UNAVAILABLE;
        }
        if (status == 400 || status == 409 || status == 412) {
            return ErrorCategory.INVALID_INPUT;
        }
        return ErrorCategory.INVALID_RESPONSE;
    }

    /** Whether {@code e} says the thing asked for does not exist. */
    public static boolean isNotFound(Throwable e) {
        return category(e) == ErrorCategory.NOT_FOUND;
    }

    /** A short message: the API's own error message when there is one, without request ids or stack noise. */
    public static String describe(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GoogleJsonResponseException json && json.getDetails() != null) {
                message = "HTTP " + json.getStatusCode() + " - " + json.getDetails().getMessage();
            } else if (t instanceof HttpResponseException http) {
                message = "HTTP " + http.getStatusCode() + firstLine(http.getContent());
            } else if (t instanceof ApiException api) {
                message = api.getStatusCode().getCode() + firstLine(api.getMessage());
            } else if (t instanceof BaseServiceException service) {
                message = "HTTP " + service.getCode() + firstLine(service.getMessage());
            }
        }
        if (message == null) {
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 400 ? message.substring(0, 400) + "…" : message;
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return " - " + text.lines().findFirst().orElse("").strip();
    }
}
