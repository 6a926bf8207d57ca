package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubFacts.cis;
import static io.watchkeeper.auditors.github.GitHubFacts.cut;
import static io.watchkeeper.auditors.github.GitHubFacts.details;
import static io.watchkeeper.auditors.github.GitHubFacts.isFalse;
import static io.watchkeeper.auditors.github.GitHubFacts.isTrue;
import static io.watchkeeper.auditors.github.GitHubFacts.lower;
import static io.watchkeeper.auditors.github.GitHubFacts.one;

import io.watchkeeper.auditors.github.GitHubCheck.Text;
import io.watchkeeper.core.config.github.GitHubRepositoryConfig;
import io.watchkeeper.core.config.github.GitHubRepositoryConfig.SecurityAndAnalysis;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.ParameterSpec;
import io.watchkeeper.core.finding.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Repository settings ({@code github.repository}). Archived and disabled repositories are read-only and
 * exempt (except from the inactivity check, which asks for archiving). Security features GitHub does not
 * offer on the repository ({@code security_and_analysis} entries missing, or not visible) are not applicable.
 */
final class RepositoryChecks {

    static final String INACTIVE_NOT_ARCHIVED = "github.repository/inactive-not-archived";

    /** A repository without a push for this long is inactive (CIS GitHub 1.2.7: 3 to 6 months). */
    static final ParameterSpec INACTIVE_DAYS = new ParameterSpec("inactive-days",
            "days without a push after which a repository is inactive", 180, 1, 3650);

    private RepositoryChecks() {}

    static List<GitHubCheck<?>> all(Clock clock) {
        return List.of(
                feature("secret-scanning-off", Severity.MEDIUM, cis("1.5.1"),
                        r -> disabled(r.securityAndAnalysis(), SecurityAndAnalysis::secretScanning), "secret-scanning",
                        "secret scanning is off", "Secret scanning is off",
                        "Credentials committed to the repository are not detected.",
                        "Settings > Code security: enable secret scanning."),
                feature("push-protection-off", Severity.MEDIUM, cis("1.5.1"),
                        r -> disabled(r.securityAndAnalysis(), SecurityAndAnalysis::secretScanningPushProtection)
                                && !disabled(r.securityAndAnalysis(), SecurityAndAnalysis::secretScanning),
                        "push-protection", "secret scanning does not block pushes with secrets",
                        "Secret scanning push protection is off",
                        "Without push protection a detected secret is already in the history (and public, for public"
                                + " repositories) by the time anyone hears of it.",
                        "Settings > Code security: enable push protection."),
                feature("dependabot-alerts-off", Severity.MEDIUM, cis("1.5.5"),
                        r -> isFalse(r.dependabotAlerts()), "dependabot-alerts",
                        "Dependabot alerts are off", "Dependabot alerts are off",
                        "Known vulnerabilities in the repository's dependencies go unreported.",
                        "Settings > Code security: enable Dependabot alerts."),
                feature("dependabot-security-updates-off", Severity.LOW, List.of(),
                        r -> isTrue(r.dependabotAlerts())
                                && disabled(r.securityAndAnalysis(), SecurityAndAnalysis::dependabotSecurityUpdates),
                        "dependabot-security-updates", "Dependabot raises alerts but no fixes",
                        "Dependabot security updates are off",
                        "Vulnerable dependencies stay until someone upgrades them by hand.",
                        "Settings > Code security: enable Dependabot security updates."),
                feature("public-without-security-policy", Severity.LOW, cis("1.2.1"),
                        r -> "public".equals(lower(r.visibility())) && (r.securityPolicy() == null || r.securityPolicy().isBlank()),
                        "security-policy", "public repository without a SECURITY.md", "Public repository has no security policy",
                        "Reporters of a vulnerability have no private way to tell you, so they open public issues.",
                        "Add SECURITY.md (or one in the organisation's .github repository) saying how to report."),
                feature("private-vulnerability-reporting-off", Severity.LOW, List.of(),
                        r -> "public".equals(lower(r.visibility())) && isFalse(r.privateVulnerabilityReporting()),
                        "private-vulnerability-reporting", "private vulnerability reporting is off",
                        "Public repository does not accept private vulnerability reports",
                        "Researchers cannot report a vulnerability privately through GitHub.",
                        "Settings > Code security: enable private vulnerability reporting."),
                GitHubCheck.of(INACTIVE_NOT_ARCHIVED, GitHubRepositoryConfig.class, Severity.LOW,
                        new Text("Inactive repository is not archived",
                                "Unmaintained repositories keep their access, secrets, webhooks and vulnerable code.",
                                "Archive the repository (Settings > Danger Zone) or delete it."),
                        cis("1.2.7"), (r, context) -> {
                            long days = context.parameter(INACTIVE_NOT_ARCHIVED, INACTIVE_DAYS);
                            return inactive(r, clock.instant(), Duration.ofDays(days))
                                    ? one("inactive", cut(r.name(), 100) + " has had no push for more than " + days
                                            + " days", Exposure.INTERNAL, details("inactiveDays", days))
                                    : List.of();
                        }).withParameters(INACTIVE_DAYS));
    }

    private static GitHubCheck<GitHubRepositoryConfig> feature(String name, Severity severity, List<String> controls,
                                                                Predicate<GitHubRepositoryConfig> bad, String key,
                                                                String message, String title, String rationale,
                                                                String remediation) {
        return GitHubCheck.of("github.repository/" + name, GitHubRepositoryConfig.class, severity,
                new Text(title, rationale, remediation), controls,
                (r, context) -> !r.archived() && !r.disabled() && bad.test(r)
                        ? one(key, cut(r.name(), 100) + ": " + message,
                                "public".equals(lower(r.visibility())) ? Exposure.INTERNET : Exposure.INTERNAL,
                                details("visibility", lower(r.visibility())))
                        : List.of());
    }

    /** "disabled" only: null means GitHub does not offer or show the feature there. */
    private static boolean disabled(SecurityAndAnalysis s, java.util.function.Function<SecurityAndAnalysis, String> feature) {
        return s != null && "disabled".equals(lower(feature.apply(s)));
    }

    static boolean inactive(GitHubRepositoryConfig r, Instant now, Duration inactive) {
        if (r.archived() || r.disabled()) {
            return false;
        }
        Instant last = r.pushedAt() != null ? r.pushedAt() : r.createdAt();
        return last != null && last.isBefore(now.minus(inactive));
    }
}
