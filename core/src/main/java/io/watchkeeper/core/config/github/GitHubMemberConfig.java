package io.watchkeeper.core.config.github;

/**
 * A member of the organisation ({@code github.member}), one item per member, from the member
 * listings by role and with the {@code 2fa_disabled} filter (three listings for the whole
 * organisation, never a call per member). GitHub's REST API does not report members' last
 * activity (only the Enterprise audit log does), so it is not recorded.
 *
 * @param login the member's login
 * @param id the member's stable id
 * @param role admin (owner) or member
 * @param twoFactorDisabled whether the member has no two-factor authentication; null when the
 *     filter is not visible to these credentials (owners only)
 * @param siteAdmin GitHub staff account
 */
public record GitHubMemberConfig(String login, long id, String role, Boolean twoFactorDisabled, boolean siteAdmin) {}
