package io.watchkeeper.github;

import java.util.Map;

/**
 * One installation of a GitHub App, as {@code accounts discover github} and {@code accounts test} show it.
 *
 * @param id installation id
 * @param login the organisation (or user) it is installed on
 * @param accountId that organisation's stable id
 * @param targetType Organization or User
 * @param repositorySelection all or selected
 * @param permissions the App's permissions there, name to level (read, write, admin)
 */
public record GitHubInstallation(long id, String login, long accountId, String targetType, String repositorySelection,
                                 Map<String, String> permissions) {

    public GitHubInstallation {
        permissions = Map.copyOf(permissions);
    }
}
