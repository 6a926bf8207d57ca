package io.watchkeeper.aws;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS SDK exceptions into categorised Watchkeeper errors with a one-line message. */
public final class AwsErrors {

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "UnrecognizedClientException",
            "InvalidAccessKeyId", "AuthorizationError", "OptInRequired");

    private AwsErrors() {}

    public static WatchkeeperException translate(String doing, RuntimeException e) {
        if (e instanceof WatchkeeperException w) {
            return w;
        }
        return new WatchkeeperException(category(e), doing + ": " + describe(e), e);
    }

    public static ErrorCategory category(Throwable e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorCode());
            if (s.isThrottlingException()) {
                return ErrorCategory.THROTTLED;
            }
            if (DENIED.contains(code) || s.statusCode() == 401 || s.statusCode() == 403) {
                return ErrorCategory.DENIED;
            }
            if (s.statusCode() == 404 || code.startsWith("NoSuch") || code.endsWith("NotFound")
                    || code.endsWith("NotFoundException")) {
                return ErrorCategory.NOT_FOUND;
            }
            if (s.statusCode() >= 500) {
                return ErrorCategory.UNAVAILABLE;
            }
            return ErrorCategory.INVALID_RESPONSE;
        }
        if (e instanceof SdkClientException c) {
            String message = String.valueOf(c.getMessage());
            if (message.contains("Unable to unmarshall") || message.contains("Unable to parse")
                    || c.getCause() instanceof IllegalArgumentException) {
                return ErrorCategory.INVALID_RESPONSE;
            }
            return ErrorCategory.UNAVAILABLE;
        }
        if (e instanceof SdkException) {
            return ErrorCategory.UNAVAILABLE;
        }
        return ErrorCategory.INTERNAL;
    }

    /** A short message without request ids and stack noise. */
    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails().errorMessage();
            return (code == null ? "HTTP " + s.statusCode() : code) + (message == null ? "" : " - " + message);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ");
    }

    /** Whether {@code e} says the thing asked for is absent (a missing policy, say). */
    public static boolean isNotFound(Throwable e, String... codes) {
        if (!(e instanceof AwsServiceException s) || s.awsErrorDetails() == null) {
            return false;
        }
        String code = s.awsErrorDetails().errorCode();
        for (String c : codes) {
            if (c.equals(code)) {
                return true;
            }
        }
        return false;
    }
}
