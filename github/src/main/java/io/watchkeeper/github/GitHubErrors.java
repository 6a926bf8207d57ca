package io.watchkeeper.github;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.util.regex.Pattern;

/** GitHub answers as categorised errors. */
public final class GitHubErrors {

    /**
     * How GitHub says that a feature is not part of the organisation's plan or the repository's kind
     * ("Upgrade to GitHub Pro or make this repository public to enable this feature.").
     */
    private static final Pattern NOT_OFFERED = Pattern.compile("(?i)upgrade to github|make this repository public"
            + "|not available (for|on|in|to)|feature is not (enabled|available)|only available"
            + "|requires github (pro|team|enterprise)|not supported (for|on|by) this (plan|account|organization)");

    private GitHubErrors() {}

    static boolean notOffered(String message) {
        return message != null && NOT_OFFERED.matcher(message).find();
    }

    /** An error for an answer with {@code status}; {@code message} is GitHub's (cloud text: shortened). */
    public static WatchkeeperException failure(String doing, int status, String message) {
        ErrorCategory category = switch (status) {
            case 401, 403 -> ErrorCategory.DENIED;
            case 404, 410 -> ErrorCategory.NOT_FOUND;
            case 400, 409, 422 -> ErrorCategory.INVALID_INPUT;
            case 429 -> ErrorCategory.THROTTLED;
            default -> status >= 500 ? ErrorCategory.UNAVAILABLE : ErrorCategory.INVALID_RESPONSE;
        };
        String said = message == null || message.isBlank() ? "" : ": " + shorten(message);
        return new WatchkeeperException(category, doing + " answered " + status + said);
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
