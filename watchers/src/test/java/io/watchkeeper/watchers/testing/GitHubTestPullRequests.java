package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pull-request writes on a {@link GitHubTestServer}, as GitHub's REST API takes them: check runs
 * (create, then PATCH to add annotations, at most 50 per request — more is a 422 as on GitHub), reviews
 * with their inline comments (at most the comments GitHub accepts; each gets an id, listed by
 * {@code GET …/reviews/{id}/comments}, edited by {@code PATCH …/pulls/comments/{id}}), and issue comments. Everything written is kept for assertions.
 */
public final class GitHubTestPullRequests {

    /** A check run as last written; {@code annotations}: every annotation received, over all requests. */
    public record CheckRun(long id, String repo, String headSha, String name, String status, String conclusion,
                           String title, String summary, List<JsonNode> annotations, int requests) {}

    /** One inline review comment. */
    /** {@code startLine}: the first line of a multi-line comment ({@code start_line}), 0 for a one-line comment. */
    public record ReviewComment(long id, String repo, int number, long reviewId, String path, int line, String body,
                                int startLine) {}

    /** A review: its body and commit. */
    public record Review(long id, String repo, int number, String commitId, String body, int comments) {}

    /** A comment on the pull request's conversation. */
    public record IssueComment(long id, String repo, int number, String body) {}

    private static final String REPO = "/repos/([^/]+/[^/]+)";

    private final AtomicLong ids = new AtomicLong(5_000_000);
    private final List<CheckRun> checkRuns = new CopyOnWriteArrayList<>();
    private final List<Review> reviews = new CopyOnWriteArrayList<>();
    private final List<ReviewComment> comments = new CopyOnWriteArrayList<>();
    private final List<IssueComment> issueComments = new CopyOnWriteArrayList<>();

    private GitHubTestPullRequests() {}

    /** Adds the endpoints to {@code server}. */
    public static GitHubTestPullRequests install(GitHubTestServer server) {
        GitHubTestPullRequests prs = new GitHubTestPullRequests();
        server.route("POST", REPO + "/check-runs", 201, (m, body) -> prs.createCheckRun(m.group(1), body));
        server.route("PATCH", REPO + "/check-runs/(\\d+)", 200, (m, body) -> prs.updateCheckRun(Long.parseLong(m.group(2)), body));
        server.route("POST", REPO + "/pulls/(\\d+)/reviews", 200,
                (m, body) -> prs.createReview(m.group(1), Integer.parseInt(m.group(2)), body));
        server.route("GET", REPO + "/pulls/(\\d+)/reviews/(\\d+)/comments", 200,
                (m, body) -> prs.reviewComments(Long.parseLong(m.group(3))));
        server.route("PATCH", REPO + "/pulls/comments/(\\d+)", 200,
                (m, body) -> prs.editComment(Long.parseLong(m.group(2)), body));
        server.route("POST", REPO + "/issues/(\\d+)/comments", 201,
                (m, body) -> prs.issueComment(m.group(1), Integer.parseInt(m.group(2)), body));
        return prs;
    }

    public List<CheckRun> checkRuns() {
        return List.copyOf(checkRuns);
    }

    public List<Review> reviews() {
        return List.copyOf(reviews);
    }

    public List<ReviewComment> comments() {
        return List.copyOf(comments);
    }

    public List<IssueComment> issueComments() {
        return List.copyOf(issueComments);
    }

    private JsonNode createCheckRun(String repo, JsonNode body) {
        List<JsonNode> annotations = annotations(body);
        if (annotations == null) {
            return error();
        }
        CheckRun run = new CheckRun(ids.incrementAndGet(), repo, body.path("head_sha").asString(),
                body.path("name").asString(), body.path("status").asString("queued"), body.path("conclusion").asString(null),
                body.path("output").path("title").asString(null), body.path("output").path("summary").asString(null),
                annotations, 1);
        checkRuns.add(run);
        return Json.object().put("id", run.id()).put("head_sha", run.headSha()).put("status", run.status());
    }

    private JsonNode updateCheckRun(long id, JsonNode body) {
        for (int i = 0; i < checkRuns.size(); i++) {
            CheckRun r = checkRuns.get(i);
            if (r.id() == id) {
                List<JsonNode> more = annotations(body);
                if (more == null) {
                    return error();
                }
                List<JsonNode> all = new ArrayList<>(r.annotations());
                all.addAll(more);
                CheckRun updated = new CheckRun(id, r.repo(), r.headSha(), r.name(), body.path("status").asString(r.status()),
                        body.path("conclusion").asString(r.conclusion()),
                        body.path("output").path("title").asString(r.title()),
                        body.path("output").path("summary").asString(r.summary()), all, r.requests() + 1);
                checkRuns.set(i, updated);
                return Json.object().put("id", id).put("status", updated.status());
            }
        }
        return Json.object().put("message", "Not Found");
    }

    private static List<JsonNode> annotations(JsonNode body) {
        JsonNode array = body.path("output").path("annotations");
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.size() > 50 ? null : list;
    }

    private static JsonNode error() {
        return Json.object().put("message", "Validation Failed: more than 50 annotations in one request");
    }

    private JsonNode createReview(String repo, int number, JsonNode body) {
        long id = ids.incrementAndGet();
        int count = 0;
        for (JsonNode c : body.path("comments")) {
            comments.add(new ReviewComment(ids.incrementAndGet(), repo, number, id, c.path("path").asString(),
                    c.path("line").asInt(), c.path("body").asString(), c.path("start_line").asInt(0)));
            count++;
        }
        reviews.add(new Review(id, repo, number, body.path("commit_id").asString(), body.path("body").asString(), count));
        return Json.object().put("id", id).put("state", "COMMENTED");
    }

    private JsonNode reviewComments(long reviewId) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (ReviewComment c : comments) {
            if (c.reviewId() == reviewId) {
                ObjectNode node = Json.object().put("id", c.id()).put("path", c.path()).put("line", c.line())
                        .put("start_line", c.startLine() == 0 ? null : c.startLine())
                        .put("body", c.body()).put("pull_request_review_id", reviewId);
                array.add(node);
            }
        }
        return array;
    }

    private JsonNode editComment(long id, JsonNode body) {
        for (int i = 0; i < comments.size(); i++) {
            ReviewComment c = comments.get(i);
            if (c.id() == id) {
                ReviewComment edited = new ReviewComment(id, c.repo(), c.number(), c.reviewId(), c.path(), c.line(),
                        body.path("body").asString(c.body()), c.startLine());
                comments.set(i, edited);
                return Json.object().put("id", id).put("body", edited.body());
            }
        }
        return Json.object().put("message", "Not Found");
    }

    private JsonNode issueComment(String repo, int number, JsonNode body) {
        IssueComment c = new IssueComment(ids.incrementAndGet(), repo, number, body.path("body").asString());
        issueComments.add(c);
        return Json.object().put("id", c.id()).put("body", c.body());
    }
}
