package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubFacts.cis;
import static io.watchkeeper.auditors.github.GitHubFacts.details;
import static io.watchkeeper.auditors.github.GitHubFacts.isFalse;
import static io.watchkeeper.auditors.github.GitHubFacts.isTrue;
import static io.watchkeeper.auditors.github.GitHubFacts.lower;
import static io.watchkeeper.auditors.github.GitHubFacts.one;

import io.watchkeeper.auditors.github.GitHubCheck.Text;
import io.watchkeeper.core.config.github.GitHubMemberConfig;
import io.watchkeeper.core.config.github.GitHubOrganizationConfig;
import io.watchkeeper.core.config.github.GitHubOutsideCollaboratorConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.ParameterSpec;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Organisation settings ({@code github.organization}). A setting GitHub did not show (null) is not
 * decided: not visible to the credentials or not offered by the plan is "not applicable", never a finding.
 */
final class OrganizationChecks {

    static final ResourceType MEMBER = ResourceType.of("github.member");
    static final ResourceType OUTSIDE_COLLABORATOR = ResourceType.of("github.outside-collaborator");

    static final String TOO_MANY_OWNERS = "github.organization/too-many-owners";

    /** More owners than this is a finding (CIS GitHub 1.3.3 asks for a minimum; Legitify's default is 3). */
    static final ParameterSpec MAX_OWNERS = new ParameterSpec("max-owners",
            "most organisation owners that are not a finding", 3, 1, 1000);

    private OrganizationChecks() {}

    static List<GitHubCheck<?>> all() {
        return List.of(
                GitHubCheck.of("github.organization/two-factor-not-required", GitHubOrganizationConfig.class,
                        Severity.HIGH, new Text("Organisation does not require two-factor authentication",
                                "A stolen or guessed password is then enough to push code and read private repositories.",
                                "Settings > Authentication security: require two-factor authentication (members without"
                                        + " it are removed: invite them back once they have enabled it)."),
                        cis("1.3.4", "1.3.5"), OrganizationChecks::twoFactor).reading(MEMBER, OUTSIDE_COLLABORATOR),
                GitHubCheck.of("github.organization/base-permission-too-wide", GitHubOrganizationConfig.class, Severity.HIGH,
                        new Text("Base repository permission is write or admin",
                                "Every member then gets that permission on every repository, whether they need it or not.",
                                "Settings > Member privileges > Base permissions: Read or No permission; grant more through"
                                        + " teams."),
                        cis("1.3.8"), OrganizationChecks::basePermission),
                setting("members-can-create-public-repositories", Severity.MEDIUM, cis("1.2.2"),
                        o -> isTrue(o.membersCanCreatePublicRepositories()) && !isFalse(o.membersCanCreateRepositories()),
                        "public-repositories", "Members may create public repositories",
                        "Members may create public repositories",
                        "Any member can publish organisation code (or copy private code) to the internet.",
                        "Settings > Member privileges > Repository creation: clear Public."),
                setting("members-can-create-private-repositories", Severity.LOW, cis("1.2.2"),
                        o -> (isTrue(o.membersCanCreatePrivateRepositories()) || isTrue(o.membersCanCreateInternalRepositories()))
                                && !isFalse(o.membersCanCreateRepositories()),
                        "private-repositories", "Members may create private or internal repositories",
                        "Members may create private or internal repositories",
                        "Repositories nobody tracks multiply; CIS asks that only trusted people create them.",
                        "Settings > Member privileges > Repository creation: clear Private (and Internal)."),
                setting("members-can-delete-repositories", Severity.MEDIUM, cis("1.2.3"),
                        o -> isTrue(o.membersCanDeleteRepositories()), "delete-repositories",
                        "Members with admin rights on a repository may delete or transfer it",
                        "Members may delete or transfer repositories",
                        "A hijacked account with admin on one repository can destroy it or move it out of the organisation.",
                        "Settings > Member privileges: clear 'Allow members to delete or transfer repositories'."),
                setting("members-can-change-visibility", Severity.MEDIUM, List.of(),
                        o -> isTrue(o.membersCanChangeRepositoryVisibility()), "change-visibility",
                        "Members with admin rights on a repository may make it public",
                        "Members may change repository visibility",
                        "One click by a repository admin publishes private code.",
                        "Settings > Member privileges: clear 'Allow members to change repository visibilities'."),
                setting("members-can-fork-private-repositories", Severity.LOW, List.of(),
                        o -> isTrue(o.membersCanForkPrivateRepositories()), "fork-private-repositories",
                        "Members may fork private and internal repositories",
                        "Members may fork private repositories",
                        "Forks live outside the organisation's control and survive the member's departure.",
                        "Settings > Member privileges: clear 'Allow forking of private repositories'."),
                GitHubCheck.of(TOO_MANY_OWNERS, GitHubOrganizationConfig.class, Severity.MEDIUM,
                        new Text("Too many organisation owners",
                                "Owners can change every setting, repository and member; each owner account is a target.",
                                "People > Role: Owners: keep at most the configured number of owners (parameter"
                                        + " max-owners, 3 by default); give others team or repository roles."),
                        cis("1.3.3"), OrganizationChecks::tooManyOwners).reading(MEMBER).withParameters(MAX_OWNERS),
                setting("no-verified-domain", Severity.LOW, cis("1.3.9"),
                        o -> isFalse(o.verified()), "verified-domain",
                        "The organisation has no verified domain (no Verified badge)",
                        "Organisation has no verified domain",
                        "A look-alike organisation is harder to tell apart from one without a Verified badge.",
                        "Settings > Verified and approved domains: add and verify the organisation's domain."),
                setting("dependabot-alerts-off-for-new-repositories", Severity.LOW, cis("1.5.5"),
                        o -> isFalse(o.dependabotAlertsForNewRepositories()), "dependabot-alerts-default",
                        "New repositories start without Dependabot alerts",
                        "Dependabot alerts are off for new repositories",
                        "Vulnerable dependencies of every new repository go unnoticed until someone turns alerts on.",
                        "Settings > Code security: Dependabot alerts, 'Automatically enable for new repositories'."),
                setting("secret-scanning-off-for-new-repositories", Severity.LOW, cis("1.5.1"),
                        o -> isFalse(o.secretScanningForNewRepositories()), "secret-scanning-default",
                        "New repositories start without secret scanning",
                        "Secret scanning is off for new repositories",
                        "Secrets committed to a new repository are not detected.",
                        "Settings > Code security: secret scanning, 'Automatically enable for new repositories'."));
    }

    /** One organisation setting: evidence {@code key} when {@code bad}, details = the settings read. */
    private static GitHubCheck<GitHubOrganizationConfig> setting(String name, Severity severity, List<String> controls,
                                                                  Predicate<GitHubOrganizationConfig> bad, String key,
                                                                  String message, String title, String rationale,
                                                                  String remediation) {
        return GitHubCheck.of("github.organization/" + name, GitHubOrganizationConfig.class, severity,
                new Text(title, rationale, remediation), controls,
                (o, context) -> bad.test(o) ? one(key, message, Exposure.INTERNAL, details("setting", key))
                        : List.of());
    }

    /**
     * Requirement off. The details name who has no two-factor authentication (members and outside
     * collaborators, as far as the credentials may see): they would be removed when it is turned on.
     */
    private static List<Evidence> twoFactor(GitHubOrganizationConfig o, AuditContext context) {
        if (!isFalse(o.twoFactorRequirementEnabled())) {
            return List.of();
        }
        List<String> members = context.related(MEMBER, GitHubMemberConfig.class).stream().map(AuditContext.Related::config)
                .filter(m -> m != null && isTrue(m.twoFactorDisabled())).map(m -> Objects.toString(m.login(), "?"))
                .distinct().sorted().limit(500).toList();
        List<String> outside = context.related(OUTSIDE_COLLABORATOR, GitHubOutsideCollaboratorConfig.class).stream()
                .map(AuditContext.Related::config).filter(c -> c != null && isTrue(c.twoFactorDisabled()))
                .map(c -> Objects.toString(c.login(), "?")).distinct().sorted().limit(500).toList();
        return one("two-factor", "Two-factor authentication is not required; " + members.size() + " member(s) and "
                        + outside.size() + " outside collaborator(s) have none", Exposure.INTERNAL,
                details("membersWithoutTwoFactor", members, "outsideCollaboratorsWithoutTwoFactor", outside));
    }

    private static List<Evidence> basePermission(GitHubOrganizationConfig o, AuditContext context) {
        String permission = lower(o.defaultRepositoryPermission());
        if (!permission.equals("write") && !permission.equals("admin")) {
            return List.of();
        }
        return one("base-permission", "Every member has " + permission + " permission on every repository",
                Exposure.INTERNAL, details("defaultRepositoryPermission", permission));
    }

    private static List<Evidence> tooManyOwners(GitHubOrganizationConfig o, AuditContext context) {
        List<String> owners = context.related(MEMBER, GitHubMemberConfig.class).stream()
                .map(AuditContext.Related::config)
                .filter(m -> m != null && "admin".equals(lower(m.role())))
                .map(m -> Objects.toString(m.login(), "?"))
                .distinct().sorted().toList();
        long max = context.parameter(TOO_MANY_OWNERS, MAX_OWNERS);
        if (owners.size() <= max) {
            return List.of();
        }
        return one("owners", owners.size() + " owners (at most " + max + " allowed)", Exposure.INTERNAL,
                details("owners", owners.size() > 100 ? owners.subList(0, 100) : owners, "count", owners.size(),
                        "maxOwners", max));
    }
}
