package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubFacts.cis;
import static io.watchkeeper.auditors.github.GitHubFacts.cut;
import static io.watchkeeper.auditors.github.GitHubFacts.details;
import static io.watchkeeper.auditors.github.GitHubFacts.lower;
import static io.watchkeeper.auditors.github.GitHubFacts.one;

import io.watchkeeper.auditors.github.GitHubCheck.Text;
import io.watchkeeper.core.config.github.GitHubWebhookConfig;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.function.Predicate;

/**
 * Organisation and repository webhooks ({@code github.webhook}) that deliver: an inactive webhook sends
 * nothing and is not reported. Over plain http the TLS setting means nothing, so only the http finding is made.
 */
final class WebhookChecks {

    private WebhookChecks() {}

    static List<GitHubCheck<?>> all() {
        return List.of(
                hook("plain-http", Severity.HIGH, cis("1.4.4"), w -> "http".equals(lower(w.urlScheme())), "http",
                        "delivers over plain http", Exposure.INTERNET, "Webhook delivers over plain http",
                        "Payloads (code, issue text, sometimes tokens) cross the network readable and alterable.",
                        "Change the payload URL to https and keep 'Enable SSL verification'."),
                hook("tls-verification-off", Severity.HIGH, cis("1.4.4"),
                        w -> w.insecureSsl() && !"http".equals(lower(w.urlScheme())), "insecure-ssl",
                        "does not verify the receiver's TLS certificate", Exposure.INTERNET,
                        "Webhook TLS certificate verification is off",
                        "Anyone on the path can impersonate the receiver and read or change deliveries.",
                        "Edit the webhook: 'Enable SSL verification' (fix the receiver's certificate first)."),
                hook("no-secret", Severity.MEDIUM, List.of(), w -> !w.secretSet(), "no-secret",
                        "has no secret, so deliveries are not signed", Exposure.INTERNAL, "Webhook has no secret",
                        "The receiver cannot tell GitHub's deliveries from forged ones.",
                        "Set a random secret on the webhook and verify X-Hub-Signature-256 in the receiver."));
    }

    private static GitHubCheck<GitHubWebhookConfig> hook(String name, Severity severity, List<String> controls,
                                                          Predicate<GitHubWebhookConfig> bad, String key, String message,
                                                          Exposure exposure, String title, String rationale,
                                                          String remediation) {
        return GitHubCheck.of("github.webhook/" + name, GitHubWebhookConfig.class, severity,
                new Text(title, rationale, remediation), controls,
                (w, context) -> w.active() && bad.test(w)
                        ? one(key, "Webhook to " + cut(w.urlHost(), 200) + " " + message, exposure,
                                details("scheme", lower(w.urlScheme()), "host", cut(w.urlHost(), 200)))
                        : List.of());
    }
}
