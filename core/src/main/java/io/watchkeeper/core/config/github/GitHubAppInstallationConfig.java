package io.watchkeeper.core.config.github;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A GitHub App installed on the organisation ({@code github.app-installation}).
 *
 * @param id installation id
 * @param appId the App's id
 * @param appSlug the App's slug
 * @param repositorySelection all or selected
 * @param permissions permission name to level (read, write, admin), sorted
 * @param events events it receives, sorted
 * @param suspended whether the installation is suspended
 * @param createdAt when it was installed
 * @param updatedAt last change (ephemeral)
 */
public record GitHubAppInstallationConfig(long id, long appId, String appSlug, String repositorySelection,
                                          Map<String, String> permissions, List<String> events, boolean suspended,
                                          Instant createdAt, @Ephemeral Instant updatedAt) {}
