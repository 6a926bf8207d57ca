package io.watchkeeper.web.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.code.CodeReviewStore.Finding;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.service.CodeReviews.RiskKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The check run, review and command texts, without a server. */
class ReviewReportTest {

    private static Finding finding(int i, String severity, String path, int line, Long commentId) {
        return new Finding(i, 1, String.format("%032x", i), "github-pat", severity, path, line, line,
                "GitHub token: ghp_…" + i, "a".repeat(40), "b".repeat(40), true, commentId);
    }

    @Test
    void theConclusionFollowsTheFailOnSeverity() {
        List<Finding> medium = List.of(finding(1, "MEDIUM", "a", 1, null));
        List<Finding> high = List.of(finding(1, "MEDIUM", "a", 1, null), finding(2, "HIGH", "a", 2, null));
        assertThat(new ReviewReport(medium, List.of(), Severity.HIGH, 30).conclusion()).isEqualTo("success");
        assertThat(new ReviewReport(high, List.of(), Severity.HIGH, 30).conclusion()).isEqualTo("failure");
        assertThat(new ReviewReport(medium, List.of(), Severity.MEDIUM, 30).conclusion()).isEqualTo("failure");
        assertThat(new ReviewReport(high, List.of(), null, 30).conclusion()).isEqualTo("success");
        assertThat(new ReviewReport(List.of(), high, Severity.INFO, 30).conclusion()).isEqualTo("success");
    }

    @Test
    void annotationsGoFiftyARequestAndCommentsThirtyAReviewWithTheRestInItsBody() {
        List<Finding> many = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            many.add(finding(i, "HIGH", "f" + (i % 7) + ".txt", i, i <= 10 ? 5000L + i : null));
        }
        ReviewReport report = new ReviewReport(many, List.of(), Severity.HIGH, 30);
        ObjectNode create = report.checkRun("Watchkeeper code scan", "c".repeat(40));
        assertThat(create.path("output").path("annotations")).hasSize(50);
        assertThat(create.path("conclusion").asString()).isEqualTo("failure");
        assertThat(report.moreAnnotations()).hasSize(2);
        assertThat(report.moreAnnotations().get(0).path("output").path("annotations")).hasSize(50);
        assertThat(report.moreAnnotations().get(1).path("output").path("annotations")).hasSize(20);
        ObjectNode review = report.review("c".repeat(40));
        assertThat(review.path("comments")).hasSize(30);
        assertThat(report.newComments()).hasSize(110); // ten were commented on an earlier push
        assertThat(review.path("body").asString()).contains("Not commented inline").contains("fp:" + String.format("%032x", 120));
        assertThat(new ReviewReport(many.subList(0, 10), List.of(), Severity.HIGH, 30).review("c".repeat(40))).isNull();
    }

    @Test
    void findingsOnOneLineShareOneCommentThatNamesTheirFingerprints() {
        ReviewReport report = new ReviewReport(List.of(finding(1, "HIGH", "a.env", 3, null),
                finding(2, "LOW", "a.env", 3, null)), List.of(), Severity.HIGH, 30);
        assertThat(report.newComments()).singleElement().satisfies(c -> assertThat(c.findings()).hasSize(2));
        String body = report.review("c".repeat(40)).path("comments").get(0).path("body").asString();
        assertThat(body).contains(ReviewReport.MARKER + String.format("%032x", 1) + "," + String.format("%032x", 2) + " -->");
    }

    @Test
    void repositoryTextCannotOpenLinksMentionPeopleOrCloseMarkup() {
        assertThat(ReviewReport.md("see [x](https://evil) @admins <img src=x>")).doesNotContain("](").doesNotContain("@admins")
                .doesNotContain("<img");
        assertThat(ReviewReport.code("a`b\nc")).isEqualTo("a?b?c");
    }

    @Test
    void commandsParseAndBadOnesSayHow() {
        CommentCommand ignore = CommentCommand.parse("/watchkeeper ignore test fixture, not a real key\nmore text");
        assertThat(ignore.kind()).isEqualTo(RiskKind.IGNORE);
        assertThat(ignore.reason()).isEqualTo("test fixture, not a real key");
        CommentCommand accept = CommentCommand.parse("/watchkeeper accept-risk until=2027-01-31 fp:ABCDEF rotating next sprint");
        assertThat(accept.until()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(accept.fingerprint()).isEqualTo("abcdef");
        assertThat(accept.reason()).isEqualTo("rotating next sprint");
        assertThatThrownBy(() -> CommentCommand.parse("/watchkeeper accept-risk because")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("until=YYYY-MM-DD");
        assertThatThrownBy(() -> CommentCommand.parse("/watchkeeper ignore")).hasMessageContaining("reason");
        assertThatThrownBy(() -> CommentCommand.parse("/watchkeeper delete-everything now")).hasMessageContaining("Usage");
        assertThatThrownBy(() -> CommentCommand.parse("/watchkeeper accept-risk until=31/01/2027 x")).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void webhookPayloadsAreValidatedAndOtherEventsIgnored() {
        String pr = PullRequestFixture.pullRequestEvent("opened", 3, "a".repeat(40), "b".repeat(40));
        Optional<WebhookEvent> parsed = WebhookEvent.parse("pull_request", pr.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).get().isInstanceOf(WebhookEvent.PullRequestEvent.class)
                .satisfies(e -> assertThat(e.number()).isEqualTo(3));
        assertThat(WebhookEvent.parse("pull_request", PullRequestFixture.pullRequestEvent("closed", 3, "a".repeat(40),
                "b".repeat(40)).getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(WebhookEvent.parse("push", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(WebhookEvent.parse("pull_request_review_comment", PullRequestFixture.reviewCommentReply(3, 9, 8L, "a",
                "MEMBER", "looks fine").getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThatThrownBy(() -> WebhookEvent.parse("pull_request", pr.replace("acme-corp", "../../etc")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WebhookEvent.parse("pull_request", pr.replace("a".repeat(40), "HEAD~1")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WebhookEvent.parse("pull_request", "[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
    }
}
