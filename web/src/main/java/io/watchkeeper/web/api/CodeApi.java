package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.security.GlobalAdmin;
import io.watchkeeper.web.service.CodeReviews;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Code scanning on pull requests: repositories, pull requests, their findings, accepted risks, the webhook secret. */
@RestController
@RequestMapping("/api/v1/code")
@Tag(name = "code")
public class CodeApi {

    private final CodeReviews reviews;

    public CodeApi(CodeReviews reviews) {
        this.reviews = reviews;
    }

    /** An ignore ({@code kind} ignore) or an accepted risk ({@code kind} accept-risk, {@code until} YYYY-MM-DD). */
    public record RiskRequest(Long repositoryId, String fingerprint, String kind, String reason, String until) {}

    /** The webhook secret (write only). */
    public record SecretRequest(String secret) {}

    @GetMapping("/repositories")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Repositories that sent pull requests (your accounts)")
    public List<CodeReviewStore.Repository> repositories() {
        return reviews.repositories(Callers.current());
    }

    @GetMapping("/repositories/{id}/pull-requests")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "A repository's scanned pull requests")
    public List<CodeReviewStore.PullRequest> pullRequests(@PathVariable long id) {
        return reviews.pullRequests(id, Callers.current());
    }

    @GetMapping("/pull-requests/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "One pull request as last scanned")
    public CodeReviewStore.PullRequest pullRequest(@PathVariable long id) {
        return reviews.pullRequest(id, Callers.current());
    }

    @GetMapping("/pull-requests/{id}/findings")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "A pull request's findings (present: found at the last scanned head)")
    public List<CodeReviewStore.Finding> findings(@PathVariable long id) {
        return reviews.findings(id, Callers.current());
    }

    @GetMapping("/accepted-risks")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Ignored findings and accepted risks in force or expired, not revoked")
    public List<CodeReviewStore.AcceptedRisk> acceptedRisks() {
        return reviews.acceptedRisks(Callers.current());
    }

    @PostMapping("/accepted-risks")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ignore a finding or accept its risk until a date, for every later push")
    public CodeReviewStore.AcceptedRisk accept(@RequestBody RiskRequest r) {
        if (r.repositoryId() == null) {
            throw new InvalidInputException("repositoryId is required");
        }
        return reviews.accept(r.repositoryId(), r.fingerprint(), CodeReviews.RiskKind.parse(r.kind()), r.reason(),
                date(r.until()), Callers.current());
    }

    @DeleteMapping("/accepted-risks/{id}")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Revoke an ignore or accepted risk")
    public CodeReviewStore.AcceptedRisk revoke(@PathVariable long id) {
        return reviews.revoke(id, Callers.current());
    }

    @GetMapping("/github/webhook-secret")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Whether the GitHub webhook secret is set (never the secret)")
    public Map<String, Boolean> webhookSecret() {
        return Map.of("set", reviews.webhookSecretSet(Callers.current()));
    }

    @PutMapping("/github/webhook-secret")
    @GlobalAdmin
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set the GitHub App's webhook secret (sealed; never returned)")
    public void setWebhookSecret(@RequestBody SecretRequest r) {
        byte[] bytes = r.secret() == null ? new byte[0] : r.secret().getBytes(StandardCharsets.UTF_8);
        try {
            reviews.setWebhookSecret(bytes, Callers.current());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("until takes a date: YYYY-MM-DD");
        }
    }
}
