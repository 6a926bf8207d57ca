package io.watchkeeper.core.config.github;

import java.util.List;

/**
 * A team ({@code github.team}) and its repository permissions (one listing per team).
 *
 * @param slug the team's slug
 * @param id stable id
 * @param name display name
 * @param privacy closed (visible to members) or secret
 * @param notificationSetting notifications_enabled or notifications_disabled
 * @param parent the parent team's slug, or null
 * @param repositories the team's permissions, sorted by repository
 */
public record GitHubTeamConfig(String slug, long id, String name, String privacy, String notificationSetting,
                               String parent, List<RepositoryPermission> repositories) {}
