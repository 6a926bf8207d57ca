package io.watchkeeper.core.config.github;

import java.util.List;

/**
 * GitHub Actions permissions of the organisation or of one repository ({@code github.actions-permissions}).
 *
 * @param owner organization or repository
 * @param repository the repository's name, null for the organisation
 * @param enabled organisation: which repositories may use Actions (all, none, selected);
 *     repository: "true" or "false"
 * @param allowedActions all, local_only or selected
 * @param githubOwnedAllowed with selected: actions by GitHub allowed
 * @param verifiedAllowed with selected: actions by verified creators allowed
 * @param patternsAllowed with selected: allowed action patterns, sorted
 * @param shaPinningRequired actions must be pinned to a full commit SHA
 * @param defaultWorkflowPermissions read or write: the default GITHUB_TOKEN permissions
 * @param canApprovePullRequestReviews whether workflows may approve pull requests
 * @param runnerGroups organisation only: self-hosted runner groups, sorted by name
 * @param notOffered settings the plan does not offer, sorted
 */
public record GitHubActionsPermissionsConfig(String owner, String repository, String enabled, String allowedActions,
                                             Boolean githubOwnedAllowed, Boolean verifiedAllowed,
                                             List<String> patternsAllowed, Boolean shaPinningRequired,
                                             String defaultWorkflowPermissions, Boolean canApprovePullRequestReviews,
                                             List<RunnerGroup> runnerGroups, List<String> notOffered) {

    /**
     * A self-hosted runner group.
     *
     * @param id its id
     * @param name its name
     * @param visibility all or selected (repositories that may use it)
     * @param isDefault the organisation's default group
     * @param allowsPublicRepositories public repositories may use it
     * @param restrictedToWorkflows only selected workflows may use it
     * @param inherited inherited from the enterprise
     */
    public record RunnerGroup(long id, String name, String visibility, boolean isDefault,
                              boolean allowsPublicRepositories, boolean restrictedToWorkflows, boolean inherited) {}
}
