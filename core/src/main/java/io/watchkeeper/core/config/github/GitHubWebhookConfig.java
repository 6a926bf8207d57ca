package io.watchkeeper.core.config.github;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * An organisation or repository webhook ({@code github.webhook}). Webhook URLs often carry secrets
 * in their path or query (chat integrations), so only the scheme, host and port are stored, with a
 * hash of the rest to notice a change; the webhook secret itself is never read (GitHub shows it as
 * {@code ********}): only whether one is set.
 *
 * @param owner organization or repository
 * @param repository the repository's name for repository webhooks, else null
 * @param id the webhook's id
 * @param name "web" (or an integration's name)
 * @param active whether it delivers
 * @param events events it receives, sorted
 * @param urlScheme http or https
 * @param urlHost the host it delivers to (lower case)
 * @param urlPort the port, null when the scheme's default
 * @param urlPathHash the first 16 hex digits of SHA-256 of the URL's path and query
 * @param insecureSsl whether TLS certificate verification is off ({@code insecure_ssl = "1"})
 * @param contentType json or form
 * @param secretSet whether a secret signs the deliveries
 * @param createdAt creation time
 * @param updatedAt last change (ephemeral)
 * @param lastResponseCode HTTP status of the last delivery (ephemeral)
 */
public record GitHubWebhookConfig(String owner, String repository, long id, String name, boolean active,
                                  List<String> events, String urlScheme, String urlHost, Integer urlPort,
                                  String urlPathHash, boolean insecureSsl, String contentType, boolean secretSet,
                                  Instant createdAt, @Ephemeral Instant updatedAt, @Ephemeral Integer lastResponseCode) {}
