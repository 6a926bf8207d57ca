package io.watchkeeper.web.code;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.service.CodeReviews.RiskKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A {@code /watchkeeper} command in a comment's first line:
 * {@code /watchkeeper ignore [fp:<fingerprint>] <reason>} or
 * {@code /watchkeeper accept-risk until=YYYY-MM-DD [fp:<fingerprint>] <reason>}. In a reply to one of
 * Watchkeeper's review comments the fingerprint is that comment's finding(s); elsewhere it must be named.
 *
 * @param fingerprint the named fingerprint, or null
 */
public record CommentCommand(RiskKind kind, LocalDate until, String fingerprint, String reason) {

    public static CommentCommand parse(String body) {
        String line = body.strip().lines().findFirst().orElse("").strip();
        String[] words = line.split("\\s+");
        if (words.length < 2 || !words[0].equals(WebhookEvent.COMMAND)) {
            throw new InvalidInputException(usage());
        }
        RiskKind kind = switch (words[1].toLowerCase(java.util.Locale.ROOT)) {
            case "ignore" -> RiskKind.IGNORE;
            case "accept-risk" -> RiskKind.ACCEPT_RISK;
            default -> throw new InvalidInputException(usage());
        };
        LocalDate until = null;
        String fingerprint = null;
        int i = 2;
        for (; i < words.length; i++) {
            if (words[i].startsWith("until=")) {
                try {
                    until = LocalDate.parse(words[i].substring(6));
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("until takes a date: until=YYYY-MM-DD");
                }
            } else if (words[i].startsWith("fp:")) {
                fingerprint = words[i].substring(3).toLowerCase(java.util.Locale.ROOT);
            } else {
                break;
            }
        }
        String reason = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)).strip();
        if (reason.isEmpty()) {
            throw new InvalidInputException("a reason is required. " + usage());
        }
        if (kind == RiskKind.ACCEPT_RISK && until == null) {
            throw new InvalidInputException("accept-risk needs an expiry: until=YYYY-MM-DD. " + usage());
        }
        return new CommentCommand(kind, until, fingerprint, reason);
    }

    static String usage() {
        return "Usage: `/watchkeeper ignore <reason>` or `/watchkeeper accept-risk until=YYYY-MM-DD <reason>` "
                + "(in a reply to a Watchkeeper comment, or naming `fp:<fingerprint>`).";
    }
}
