package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.code.CodeReviewProperties;
import io.watchkeeper.web.code.WebhookIntake;
import io.watchkeeper.web.code.WebhookSecrets;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The GitHub App's webhook. Not behind a session or an API token: GitHub proves itself with
 * {@code X-Hub-Signature-256}, an HMAC-SHA256 of the raw body under the webhook secret, checked in
 * constant time before anything is parsed or written. The body is bounded; the work is queued in the
 * database and the answer (202) does not wait for it; a delivery seen before queues nothing.
 */
@RestController
@Tag(name = "code")
public class GitHubWebhookApi {

    public static final String PATH = "/api/v1/github/webhook";

    private final WebhookSecrets secrets;
    private final WebhookIntake intake;
    private final int maxBody;

    public GitHubWebhookApi(WebhookSecrets secrets, WebhookIntake intake, CodeReviewProperties properties) {
        this.secrets = secrets;
        this.intake = intake;
        this.maxBody = properties.maxBody();
    }

    @PostMapping(PATH)
    @Operation(summary = "GitHub App webhook (pull_request, issue_comment, pull_request_review_comment); signed, answered 202")
    public ResponseEntity<?> receive(HttpServletRequest request,
                                     @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
                                     @RequestHeader(name = "X-GitHub-Event", required = false) String event,
                                     @RequestHeader(name = "X-GitHub-Delivery", required = false) String delivery)
            throws IOException {
        // read at most maxBody + 1 bytes whatever Content-Length says (answering before reading would make the
        // container drop the connection instead of sending the 413)
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBody + 1);
        }
        if (body.length > maxBody) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", "at most " + maxBody + " bytes");
        }
        switch (secrets.verify(body, signature)) {
            case NO_SECRET -> {
                return problem(HttpStatus.SERVICE_UNAVAILABLE, "Webhook not configured",
                        "set the webhook secret first (code webhook-secret)");
            }
            case INVALID -> {
                return problem(HttpStatus.UNAUTHORIZED, "Bad signature", "X-Hub-Signature-256 does not match the body");
            }
            case VALID -> { }
        }
        try {
            WebhookIntake.Outcome outcome = intake.accept(delivery, event, body);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("delivery", delivery,
                    "outcome", outcome.name().toLowerCase()));
        } catch (InvalidInputException e) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return ResponseEntity.status(status).header("Content-Type", "application/problem+json").body(p);
    }
}
