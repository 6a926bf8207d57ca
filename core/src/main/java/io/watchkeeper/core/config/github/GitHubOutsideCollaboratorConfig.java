package io.watchkeeper.core.config.github;

import java.util.List;

/**
 * An outside collaborator of the organisation ({@code github.outside-collaborator}): someone who is
 * not a member but has access to some repositories. The organisation listing (and its
 * {@code 2fa_disabled} filter) names them; each repository's {@code collaborators?affiliation=outside}
 * listing gives their permissions there.
 *
 * @param login the collaborator's login
 * @param id stable id
 * @param twoFactorDisabled whether they have no two-factor authentication; null when not visible
 * @param repositories their permissions, sorted by repository
 */
public record GitHubOutsideCollaboratorConfig(String login, long id, Boolean twoFactorDisabled,
                                              List<RepositoryPermission> repositories) {}
