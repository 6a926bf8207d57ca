package io.watchkeeper.core.config.github;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * A repository ({@code github.repository}): settings from the organisation's repository listing
 * (which carries {@code security_and_analysis} for admins), plus Dependabot alerts, private
 * vulnerability reporting and where its security policy is.
 *
 * @param name the repository's name
 * @param id stable id
 * @param visibility public, private or internal
 * @param archived read-only and archived
 * @param disabled disabled by GitHub
 * @param fork a fork of another repository
 * @param template a template repository
 * @param defaultBranch the default branch, null for an empty repository
 * @param allowForking whether it may be forked (private and internal repositories)
 * @param webCommitSignoffRequired web commits must be signed off
 * @param deleteBranchOnMerge head branches are deleted after merges
 * @param securityAndAnalysis security features, null when not visible (needs admin)
 * @param dependabotAlerts vulnerability alerts on (null when not visible)
 * @param privateVulnerabilityReporting private vulnerability reporting on (null when not offered:
 *     it exists for public repositories)
 * @param securityPolicy where its SECURITY.md is (SECURITY.md, .github/SECURITY.md,
 *     docs/SECURITY.md, or "organization" for the organisation's .github repository), null when none
 * @param createdAt creation time
 * @param notOffered features the plan or repository kind does not offer, sorted
 * @param pushedAt last push (ephemeral: checks for inactive repositories read it)
 * @param updatedAt last change (ephemeral)
 * @param size size in KB (ephemeral)
 * @param stargazers stars (ephemeral)
 * @param openIssues open issues and pull requests (ephemeral)
 */
public record GitHubRepositoryConfig(
        String name,
        long id,
        String visibility,
        boolean archived,
        boolean disabled,
        boolean fork,
        boolean template,
        String defaultBranch,
        Boolean allowForking,
        Boolean webCommitSignoffRequired,
        Boolean deleteBranchOnMerge,
        SecurityAndAnalysis securityAndAnalysis,
        Boolean dependabotAlerts,
        Boolean privateVulnerabilityReporting,
        String securityPolicy,
        Instant createdAt,
        List<String> notOffered,
        @Ephemeral Instant pushedAt,
        @Ephemeral Instant updatedAt,
        @Ephemeral Long size,
        @Ephemeral Long stargazers,
        @Ephemeral Long openIssues) {

    /**
     * The repository's {@code security_and_analysis} settings: "enabled", "disabled", or null when
     * GitHub does not offer the feature there.
     *
     * @param advancedSecurity GitHub Advanced Security / Code Security
     * @param secretScanning secret scanning
     * @param secretScanningPushProtection push protection
     * @param secretScanningNonProviderPatterns scanning for non-provider patterns
     * @param secretScanningValidityChecks validity checks of found secrets
     * @param dependabotSecurityUpdates Dependabot security updates
     */
    public record SecurityAndAnalysis(String advancedSecurity, String secretScanning,
                                      String secretScanningPushProtection, String secretScanningNonProviderPatterns,
                                      String secretScanningValidityChecks, String dependabotSecurityUpdates) {}
}
