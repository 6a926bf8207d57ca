package io.watchkeeper.core.config.github;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;

/**
 * A repository's deploy key ({@code github.deploy-key}).
 *
 * @param repository the repository's name
 * @param id the key's id
 * @param title its title
 * @param readOnly false when the key may push (write access)
 * @param verified verified by GitHub
 * @param fingerprint SHA256 fingerprint of the public key ({@code SHA256:<base64>})
 * @param addedBy who added it, when GitHub says
 * @param createdAt creation time
 * @param lastUsed last use (ephemeral)
 */
public record GitHubDeployKeyConfig(String repository, long id, String title, boolean readOnly, Boolean verified,
                                    String fingerprint, String addedBy, Instant createdAt,
                                    @Ephemeral Instant lastUsed) {}
