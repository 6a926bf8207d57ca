package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubFacts.cis;
import static io.watchkeeper.auditors.github.GitHubFacts.cut;
import static io.watchkeeper.auditors.github.GitHubFacts.details;
import static io.watchkeeper.auditors.github.GitHubFacts.isTrue;
import static io.watchkeeper.auditors.github.GitHubFacts.lower;
import static io.watchkeeper.auditors.github.GitHubFacts.one;
import static io.watchkeeper.auditors.github.GitHubFacts.present;

import io.watchkeeper.auditors.github.GitHubCheck.Text;
import io.watchkeeper.core.config.github.GitHubAppInstallationConfig;
import io.watchkeeper.core.config.github.GitHubDeployKeyConfig;
import io.watchkeeper.core.config.github.GitHubEnvironmentConfig;
import io.watchkeeper.core.config.github.GitHubMemberConfig;
import io.watchkeeper.core.config.github.GitHubOutsideCollaboratorConfig;
import io.watchkeeper.core.config.github.RepositoryPermission;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Who and what can act on the organisation: members, outside collaborators, deploy keys, Apps, environments. */
final class AccessChecks {

    /** Environment names taken for production. */
    static final Pattern PRODUCTION = Pattern.compile("(?i)(prod|production|prd|live)([-_ .].*)?");

    private AccessChecks() {}

    static List<GitHubCheck<?>> all() {
        return List.of(
                GitHubCheck.of("github.member/two-factor-disabled", GitHubMemberConfig.class, Severity.HIGH,
                        new Text("Organisation member without two-factor authentication",
                                "The member's password alone opens every repository the member can reach.",
                                "Ask the member to enable two-factor authentication, or require it for the organisation."),
                        cis("1.3.5"), (m, context) -> isTrue(m.twoFactorDisabled())
                                ? one("two-factor", cut(m.login(), 100) + " has no two-factor authentication"
                                        + ("admin".equals(lower(m.role())) ? " and is an owner" : ""), Exposure.INTERNAL,
                                        details("role", m.role()))
                                : List.of()),
                GitHubCheck.of("github.outside-collaborator/two-factor-disabled", GitHubOutsideCollaboratorConfig.class,
                        Severity.HIGH,
                        new Text("Outside collaborator without two-factor authentication",
                                "Someone outside the organisation reaches its repositories with a password alone.",
                                "Require two-factor authentication for the organisation, or remove the collaborator."),
                        cis("1.3.4"), (c, context) -> isTrue(c.twoFactorDisabled())
                                ? one("two-factor", cut(c.login(), 100) + " has no two-factor authentication",
                                        Exposure.UNKNOWN_ACCOUNT, details("login", c.login()))
                                : List.of()),
                GitHubCheck.of("github.outside-collaborator/admin", GitHubOutsideCollaboratorConfig.class, Severity.HIGH,
                        new Text("Outside collaborator with admin on a repository",
                                "An admin changes settings, protection, webhooks, deploy keys and visibility; outside"
                                        + " collaborators are not managed with the organisation's members.",
                                "Lower the collaborator's role (Settings > Collaborators and teams), or make the person"
                                        + " a member of a team with the access needed."),
                        List.of(), (c, context) -> permissions(c, Set.of("admin"), "admin")),
                GitHubCheck.of("github.outside-collaborator/write", GitHubOutsideCollaboratorConfig.class, Severity.MEDIUM,
                        new Text("Outside collaborator with write on a repository",
                                "Someone outside the organisation can push code (and run workflows with its secrets).",
                                "Lower the collaborator to read or triage, or review the access regularly."),
                        List.of(), (c, context) -> permissions(c, Set.of("push", "write", "maintain"), "write")),
                GitHubCheck.of("github.deploy-key/write-access", GitHubDeployKeyConfig.class, Severity.MEDIUM,
                        new Text("Deploy key with write access",
                                "Whoever holds the private key can push to the repository, bypassing people's 2FA;"
                                        + " deploy keys are rarely rotated.",
                                "Replace it with a read-only key, or a GitHub App / workflow token with narrow rights."),
                        List.of(), (k, context) -> k.readOnly() ? List.<Evidence>of()
                                : one("write", "Deploy key '" + cut(k.title(), 100) + "' can push to "
                                        + cut(k.repository(), 100), Exposure.INTERNAL,
                                        details("fingerprint", k.fingerprint(), "readOnly", false))),
                GitHubCheck.of("github.app-installation/broad-write-all-repositories", GitHubAppInstallationConfig.class,
                        Severity.HIGH,
                        new Text("GitHub App can write to every repository",
                                "A compromised or malicious App (or its private key) can change code, settings or"
                                        + " secrets across the whole organisation.",
                                "Configure the installation with 'Only select repositories' and the least permissions it"
                                        + " needs."),
                        cis("1.4.3"), AccessChecks::appInstallation),
                GitHubCheck.of("github.environment/production-without-reviewers", GitHubEnvironmentConfig.class,
                        Severity.MEDIUM,
                        new Text("Production environment deploys without a required reviewer",
                                "Anyone who can push to a branch allowed to deploy reaches production and its secrets.",
                                "Settings > Environments > the environment: add required reviewers and prevent"
                                        + " self-review."),
                        List.of(), AccessChecks::production));
    }

    private static List<Evidence> permissions(GitHubOutsideCollaboratorConfig c, Set<String> levels, String what) {
        List<Evidence> out = new ArrayList<>();
        for (RepositoryPermission p : present(c.repositories())) {
            if (p.repository() != null && levels.contains(lower(p.permission()))) {
                out.add(new Evidence("repository:" + cut(p.repository(), 200),
                        cut(c.login(), 100) + " has " + what + " on " + cut(p.repository(), 100), Exposure.UNKNOWN_ACCOUNT,
                        details("repository", p.repository(), "permission", lower(p.permission()), "role", p.roleName())));
            }
        }
        return out;
    }

    private static List<Evidence> appInstallation(GitHubAppInstallationConfig app, AuditContext context) {
        if (app.suspended() || !"all".equals(lower(app.repositorySelection())) || app.permissions() == null) {
            return List.of();
        }
        Map<String, String> writes = new TreeMap<>();
        for (Map.Entry<String, String> e : app.permissions().entrySet()) {
            String level = lower(e.getValue());
            if (e.getKey() != null && (level.equals("write") || level.equals("admin"))) {
                writes.put(cut(e.getKey(), 100), level);
            }
        }
        if (writes.isEmpty()) {
            return List.of();
        }
        return one("write-all-repositories", "App '" + cut(app.appSlug(), 100) + "' has write on every repository: "
                + cut(String.join(", ", writes.keySet()), 300), Exposure.THIRD_PARTY, details("permissions", writes));
    }

    private static List<Evidence> production(GitHubEnvironmentConfig env, AuditContext context) {
        if (env.name() == null || !PRODUCTION.matcher(env.name()).matches() || !present(env.requiredReviewers()).isEmpty()) {
            return List.of();
        }
        return one("no-reviewers", "Environment '" + cut(env.name(), 100) + "' of " + cut(env.repository(), 100)
                + " needs no approval to deploy", Exposure.INTERNAL, details("environment", env.name()));
    }
}
