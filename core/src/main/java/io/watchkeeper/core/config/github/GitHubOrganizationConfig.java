package io.watchkeeper.core.config.github;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * A GitHub organisation's settings ({@code github.organization}), from {@code GET /orgs/{org}}.
 * Member privileges and security defaults are visible to owners (and Apps with organisation
 * administration read) only; hidden ones are null and named in {@code notVisible}.
 *
 * @param login the organisation's login
 * @param id its stable id
 * @param name display name
 * @param plan plan name (free, team, enterprise...), null when not visible
 * @param twoFactorRequirementEnabled whether members must have two-factor authentication
 * @param defaultRepositoryPermission base permission of members on every repository (none, read, write, admin)
 * @param membersCanCreateRepositories members may create repositories at all
 * @param membersCanCreatePublicRepositories members may create public repositories
 * @param membersCanCreatePrivateRepositories members may create private repositories
 * @param membersCanCreateInternalRepositories members may create internal repositories (Enterprise)
 * @param membersCanDeleteRepositories members with admin rights may delete or transfer repositories
 *     (null when this API version or plan does not show it)
 * @param membersCanChangeRepositoryVisibility members with admin rights may change visibility (same)
 * @param membersCanForkPrivateRepositories members may fork private and internal repositories
 * @param membersCanInviteOutsideCollaborators members may invite outside collaborators (same as delete)
 * @param webCommitSignoffRequired web commits must be signed off
 * @param verified whether the organisation has a verified domain ({@code is_verified})
 * @param samlSso "enabled", "not-enabled" or "not-visible" (SAML single sign-on, from the
 *     credential-authorizations endpoint, which only SAML organisations answer)
 * @param advancedSecurityForNewRepositories default for new repositories
 * @param dependabotAlertsForNewRepositories default for new repositories
 * @param dependabotSecurityUpdatesForNewRepositories default for new repositories
 * @param dependencyGraphForNewRepositories default for new repositories
 * @param secretScanningForNewRepositories default for new repositories
 * @param secretScanningPushProtectionForNewRepositories default for new repositories
 * @param deployKeysEnabledForRepositories whether repositories may have deploy keys
 * @param createdAt creation time
 * @param notVisible settings GitHub did not show to these credentials, sorted
 * @param updatedAt last change of the profile (ephemeral)
 * @param publicRepos number of public repositories (ephemeral)
 * @param totalPrivateRepos number of private repositories (ephemeral)
 * @param filledSeats seats in use (ephemeral)
 */
public record GitHubOrganizationConfig(
        String login,
        long id,
        String name,
        String plan,
        Boolean twoFactorRequirementEnabled,
        String defaultRepositoryPermission,
        Boolean membersCanCreateRepositories,
        Boolean membersCanCreatePublicRepositories,
        Boolean membersCanCreatePrivateRepositories,
        Boolean membersCanCreateInternalRepositories,
        Boolean membersCanDeleteRepositories,
        Boolean membersCanChangeRepositoryVisibility,
        Boolean membersCanForkPrivateRepositories,
        Boolean membersCanInviteOutsideCollaborators,
        Boolean webCommitSignoffRequired,
        Boolean verified,
        String samlSso,
        Boolean advancedSecurityForNewRepositories,
        Boolean dependabotAlertsForNewRepositories,
        Boolean dependabotSecurityUpdatesForNewRepositories,
        Boolean dependencyGraphForNewRepositories,
        Boolean secretScanningForNewRepositories,
        Boolean secretScanningPushProtectionForNewRepositories,
        Boolean deployKeysEnabledForRepositories,
        Instant createdAt,
        List<String> notVisible,
        @Ephemeral Instant updatedAt,
        @Ephemeral Long publicRepos,
        @Ephemeral Long totalPrivateRepos,
        @Ephemeral Long filledSeats) {}
