package io.watchkeeper.web.code;

import io.watchkeeper.core.code.CodeReviewStore.Finding;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a scanned pull request gets on GitHub, as the JSON bodies of the REST calls: the check run
 * (conclusion by the fail-on severity, annotations in batches of 50 as GitHub allows per request) and
 * one review with a comment per changed line that has new findings (at most {@code maxComments};
 * the rest are listed in the review's body). Paths, messages and rule names come from the repository
 * and are written so that they cannot open links, mention people or close the markup.
 *
 * @param active findings present at the head and neither ignored nor accepted
 * @param accepted findings present at the head that were ignored or accepted
 * @param placements by fingerprint: the line a finding's comment goes on (0: none, it is listed in the
 *     review's body; absent: its last line) and a suggested replacement of that line, or null
 * @param consoleUrl the console's base URL for links to joined items, or null
 */
public record ReviewReport(List<Finding> active, List<Finding> accepted, Severity failOn, int maxComments,
                           Map<String, Placement> placements, String consoleUrl) {

    /**
     * Where a finding's comment goes, and the fixed lines when the fix is deterministic ({@code suggestion},
     * replacing lines {@code startLine..line}: a multi-line comment when {@code startLine < line}).
     */
    public record Placement(int startLine, int line, String suggestion) {

        /** A one-line placement. */
        public Placement(int line, String suggestion) {
            this(line, line, suggestion);
        }
    }

    public ReviewReport(List<Finding> active, List<Finding> accepted, Severity failOn, int maxComments) {
        this(active, accepted, failOn, maxComments, Map.of(), null);
    }

    public ReviewReport {
        placements = Map.copyOf(placements);
        consoleUrl = consoleUrl == null || consoleUrl.isBlank() ? null : consoleUrl.replaceAll("/+$", "");
    }

    /** GitHub's limit of annotations per request. */
    public static final int ANNOTATIONS_PER_REQUEST = 50;

    /** Hidden marker that ties a review comment to its findings. */
    static final String MARKER = "<!-- watchkeeper:";

    public String conclusion() {
        return active.stream().anyMatch(this::failing) ? "failure" : "success";
    }

    private boolean failing(Finding f) {
        return failOn != null && Severity.parse(f.severity()).ordinal() >= failOn.ordinal();
    }

    public String title() {
        long failing = active.stream().filter(this::failing).count();
        return active.isEmpty() ? "No new findings" + (accepted.isEmpty() ? "" : " (" + accepted.size() + " accepted)")
                : active.size() + " new finding" + (active.size() == 1 ? "" : "s")
                + (failing > 0 ? ", " + failing + " at or above " + failOn.name().toLowerCase() : "");
    }

    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append("Watchkeeper scanned what this pull request adds since it left its base branch.\n\n");
        if (active.isEmpty()) {
            b.append("Nothing new was found.\n");
        } else {
            b.append("| severity | rule | where | fingerprint |\n|---|---|---|---|\n");
            active.stream().limit(200).forEach(f -> b.append("| ").append(f.severity().toLowerCase()).append(" | ")
                    .append(md(f.ruleId())).append(link(f)).append(" | `").append(code(f.path())).append(":").append(f.startLine())
                    .append("` | `fp:").append(f.fingerprint()).append("` |\n"));
            if (active.size() > 200) {
                b.append("\n…and ").append(active.size() - 200).append(" more.\n");
            }
        }
        if (!accepted.isEmpty()) {
            b.append("\n").append(accepted.size()).append(" finding(s) ignored or accepted earlier are not counted.\n");
        }
        b.append("\nAnswer a comment with `/watchkeeper ignore <reason>` or "
                + "`/watchkeeper accept-risk until=YYYY-MM-DD <reason>`.\n");
        return b.toString();
    }

    /** The check run's creation (completed, with the first batch of annotations). */
    public ObjectNode checkRun(String name, String headSha) {
        ObjectNode body = Json.object().put("name", name).put("head_sha", headSha).put("status", "completed")
                .put("conclusion", conclusion());
        body.set("output", output(0));
        return body;
    }

    /** Batches after the first ({@code PATCH} of the check run), one body each. */
    public List<ObjectNode> moreAnnotations() {
        List<ObjectNode> more = new ArrayList<>();
        for (int from = ANNOTATIONS_PER_REQUEST; from < active.size(); from += ANNOTATIONS_PER_REQUEST) {
            ObjectNode body = Json.object();
            body.set("output", output(from));
            more.add(body);
        }
        return more;
    }

    private ObjectNode output(int from) {
        ObjectNode output = Json.object().put("title", title()).put("summary", summary());
        ArrayNode annotations = output.putArray("annotations");
        for (Finding f : active.subList(Math.min(from, active.size()), Math.min(from + ANNOTATIONS_PER_REQUEST, active.size()))) {
            annotations.add(Json.object().put("path", f.path()).put("start_line", f.startLine())
                    .put("end_line", f.endLine()).put("annotation_level", level(f.severity()))
                    .put("title", f.ruleId() + " (" + f.severity().toLowerCase() + ")")
                    .put("message", f.message() + (f.itemId() == null || consoleUrl == null ? ""
                            : "\nwatched item: " + consoleUrl + "/items/" + f.itemId()) + "\nfp:" + f.fingerprint()));
        }
        return output;
    }

    private static String level(String severity) {
        return switch (Severity.parse(severity)) {
            case CRITICAL, HIGH -> "failure";
            case MEDIUM -> "warning";
            default -> "notice";
        };
    }

    /** One comment on one line: the findings there. */
    public record LineComment(String path, int line, List<Finding> findings) {}

    /** The line a finding's comment goes on; 0 when no line of it can carry one (listed in the body). */
    int lineOf(Finding f) {
        Placement p = placements.get(f.fingerprint());
        return p == null ? f.endLine() : p.line();
    }

    /** New findings (never commented) grouped by line, in path and line order (those without a line left out). */
    public List<LineComment> newComments() {
        Map<String, List<Finding>> byLine = new LinkedHashMap<>();
        active.stream().filter(f -> f.commentId() == null && lineOf(f) > 0)
                .sorted(java.util.Comparator.comparing(Finding::path).thenComparingInt(this::lineOf))
                .forEach(f -> byLine.computeIfAbsent(f.path() + "\n" + lineOf(f), k -> new ArrayList<>()).add(f));
        return byLine.values().stream().map(l -> new LineComment(l.getFirst().path(), lineOf(l.getFirst()), l)).toList();
    }

    /** New findings no line of which can carry a comment (listed in the review's body). */
    List<Finding> withoutLine() {
        return active.stream().filter(f -> f.commentId() == null && lineOf(f) <= 0).toList();
    }

    /** The review to post, or null when no finding needs a new comment. */
    public ObjectNode review(String headSha) {
        List<LineComment> comments = newComments();
        List<Finding> noLine = withoutLine();
        if (comments.isEmpty() && noLine.isEmpty()) {
            return null;
        }
        List<LineComment> posted = comments.subList(0, Math.min(maxComments, comments.size()));
        List<Finding> rest = new ArrayList<>(noLine);
        comments.subList(posted.size(), comments.size()).forEach(c -> rest.addAll(c.findings()));
        StringBuilder body = new StringBuilder("**Watchkeeper** found ").append(comments.stream()
                .mapToInt(c -> c.findings().size()).sum() + noLine.size()).append(" new finding(s) in this push.");
        if (!rest.isEmpty()) {
            body.append("\n\nNot commented inline (at most ").append(maxComments)
                    .append(" comments per review, and only on lines this pull request adds):\n");
            rest.stream().limit(200).forEach(f -> body.append("- `").append(code(f.path()))
                    .append(":").append(f.startLine()).append("` ").append(md(f.ruleId())).append(link(f)).append(" (")
                    .append(f.severity().toLowerCase()).append(") `fp:").append(f.fingerprint()).append("`\n"));
        }
        ObjectNode review = Json.object().put("commit_id", headSha).put("event", "COMMENT").put("body", body.toString());
        ArrayNode array = review.putArray("comments");
        for (LineComment c : posted) {
            ObjectNode comment = Json.object().put("path", c.path());
            Placement fix = suggested(c);
            if (fix != null && fix.startLine() > 0 && fix.startLine() < c.line()) {
                comment.put("start_line", fix.startLine()).put("start_side", "RIGHT"); // the block replaces the range
            }
            array.add(comment.put("line", c.line()).put("side", "RIGHT").put("body", commentBody(c)));
        }
        return review;
    }

    /** The placement whose suggestion a comment carries (its first finding's that has one on this line), or null. */
    private Placement suggested(LineComment c) {
        for (Finding f : c.findings()) {
            Placement p = placements.get(f.fingerprint());
            if (p != null && p.suggestion() != null && p.line() == c.line()) {
                return p;
            }
        }
        return null;
    }

    String commentBody(LineComment c) {
        StringBuilder b = new StringBuilder();
        for (Finding f : c.findings()) {
            b.append("**").append(Severity.parse(f.severity()).name().toLowerCase()).append("** ")
                    .append(md(f.message())).append(link(f)).append(" (`").append(code(f.ruleId())).append("`, `fp:")
                    .append(f.fingerprint()).append("`)\n\n");
        }
        Placement fix = suggested(c);
        if (fix != null) {
            int lines = Math.max(1, c.line() - Math.max(1, fix.startLine()) + 1);
            // one line of the block per replaced line: a line break or backtick inside one would shift or close it
            List<String> replaced = fix.suggestion().lines().limit(lines).map(l -> l.replaceAll("[`\\r]", "")).toList();
            b.append("Suggested fix:\n\n```suggestion\n").append(String.join("\n", replaced)).append("\n```\n\n");
        }
        b.append("Reply `/watchkeeper ignore <reason>` or `/watchkeeper accept-risk until=YYYY-MM-DD <reason>`.\n");
        b.append(MARKER).append(String.join(",", c.findings().stream().map(Finding::fingerprint).toList())).append(" -->");
        return b.toString();
    }

    /**
     * The comment of a finding a later push removed, edited in place: the REST API cannot resolve a
     * review thread (GraphQL only) and deleting it would drop the replies, so the text is struck through
     * and says at which commit it was no longer found; GitHub shows the comment as outdated once its line
     * changed.
     */
    static String fixedBody(Finding f, String headSha) {
        return "~~**" + Severity.parse(f.severity()).name().toLowerCase() + "** " + md(f.message()) + "~~\n\n"
                + "**Fixed:** no longer found at " + code(headSha) + " (`" + code(f.ruleId()) + "`, `fp:"
                + f.fingerprint() + "`). Nothing to do here.\n" + MARKER + f.fingerprint() + " fixed -->";
    }

    /** A link to the watched item a finding is joined to (the IAM user owning a key), or nothing. */
    private String link(Finding f) {
        return f.itemId() == null || consoleUrl == null ? ""
                : " ([watched item #" + f.itemId() + "](" + consoleUrl + "/items/" + f.itemId() + "))";
    }

    /** Text for Markdown: no markup, links, mentions or HTML from repository content. */
    static String md(String text) {
        return text.replaceAll("[\\p{Cntrl}]", " ").replace("<", "&lt;").replace(">", "&gt;").replaceAll("([\\\\`*_\\[\\]()#|!~])", "\\\\$1")
                .replace("@", "@\u200b");
    }

    /** Text inside a code span: no backticks or line breaks. */
    static String code(String text) {
        return text.replaceAll("[\\p{Cntrl}`]", "?");
    }
}
