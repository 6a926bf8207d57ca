package io.watchkeeper.web.code;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a GitHub webhook delivery asks of us, read from its (signed, still attacker-shaped) JSON: a pull
 * request to scan, or a {@code /watchkeeper} command in a comment. Every field is validated and bounded;
 * everything else in the payload is dropped.
 */
public sealed interface WebhookEvent {

    String owner();

    String repo();

    long repoId();

    int number();

    /** The queue's name for the kind of work. */
    String kind();

    /** {@code pull_request} opened, synchronize or reopened. */
    record PullRequestEvent(String owner, String repo, long repoId, int number, String title, String author,
                            String headSha, String baseSha, String baseRef) implements WebhookEvent {
        @Override public String kind() { return "pull-request"; }
    }

    /** A comment starting with {@code /watchkeeper} on a pull request (conversation or review thread). */
    record CommandEvent(String owner, String repo, long repoId, int number, long commentId, Long inReplyTo,
                        String login, String association, String body) implements WebhookEvent {
        @Override public String kind() { return "command"; }
    }

    Set<String> PR_ACTIONS = Set.of("opened", "synchronize", "reopened");
    String COMMAND = "/watchkeeper";

    /** The work in a delivery of {@code event}, or empty when there is none (other events and actions). */
    static Optional<WebhookEvent> parse(String event, byte[] body) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (RuntimeException e) {
            throw new InvalidInputException("the payload is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("the payload is not a JSON object");
        }
        String action = json.path("action").asString("");
        JsonNode repository = json.path("repository");
        switch (event) {
            case "pull_request" -> {
                if (!PR_ACTIONS.contains(action)) {
                    return Optional.empty();
                }
                JsonNode pr = json.path("pull_request");
                return Optional.of(new PullRequestEvent(owner(repository), name(repository), id(repository),
                        number(pr.path("number")), text(pr.path("title"), 300), login(pr.path("user")),
                        sha(pr.path("head").path("sha")), sha(pr.path("base").path("sha")),
                        text(pr.path("base").path("ref"), 255)));
            }
            case "issue_comment" -> {
                JsonNode issue = json.path("issue");
                if (!action.equals("created") || issue.path("pull_request").isMissingNode()
                        || !isCommand(json.path("comment"))) {
                    return Optional.empty();
                }
                JsonNode comment = json.path("comment");
                return Optional.of(new CommandEvent(owner(repository), name(repository), id(repository),
                        number(issue.path("number")), id(comment), null, login(comment.path("user")),
                        association(comment), text(comment.path("body"), 4000)));
            }
            case "pull_request_review_comment" -> {
                JsonNode comment = json.path("comment");
                if (!action.equals("created") || !isCommand(comment)) {
                    return Optional.empty();
                }
                JsonNode reply = comment.path("in_reply_to_id");
                return Optional.of(new CommandEvent(owner(repository), name(repository), id(repository),
                        number(json.path("pull_request").path("number")), id(comment),
                        reply.isIntegralNumber() && reply.asLong() > 0 ? reply.asLong() : null,
                        login(comment.path("user")), association(comment), text(comment.path("body"), 4000)));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static boolean isCommand(JsonNode comment) {
        String body = comment.path("body").asString("").stripLeading();
        return body.startsWith(COMMAND + " ") || body.equals(COMMAND) || body.startsWith(COMMAND + "\n");
    }

    private static String owner(JsonNode repository) {
        return safeName(repository.path("owner").path("login"), "repository owner");
    }

    private static String name(JsonNode repository) {
        return safeName(repository.path("name"), "repository name");
    }

    private static String login(JsonNode user) {
        return safeName(user.path("login"), "user login");
    }

    private static String association(JsonNode comment) {
        String a = comment.path("author_association").asString("NONE");
        return a.matches("[A-Z_]{1,40}") ? a : "NONE";
    }

    static String safeName(JsonNode node, String what) {
        String s = node.asString("");
        if (!s.matches("[A-Za-z0-9._-]{1,100}") || s.equals(".") || s.equals("..")) {
            throw new InvalidInputException("invalid " + what);
        }
        return s;
    }

    private static long id(JsonNode node) {
        JsonNode id = node.path("id");
        if (!id.isIntegralNumber() || id.asLong() <= 0) {
            throw new InvalidInputException("invalid id");
        }
        return id.asLong();
    }

    private static int number(JsonNode node) {
        if (!node.isIntegralNumber() || node.asLong() <= 0 || node.asLong() > Integer.MAX_VALUE) {
            throw new InvalidInputException("invalid pull request number");
        }
        return node.asInt();
    }

    private static String sha(JsonNode node) {
        String s = node.asString("");
        if (!s.matches("[0-9a-f]{40}")) {
            throw new InvalidInputException("invalid commit id");
        }
        return s;
    }

    private static String text(JsonNode node, int max) {
        String s = node.asString("");
        s = s.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
        return s.length() > max ? s.substring(0, max) : s;
    }
}
