package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubFacts.cis;
import static io.watchkeeper.auditors.github.GitHubFacts.cut;
import static io.watchkeeper.auditors.github.GitHubFacts.details;
import static io.watchkeeper.auditors.github.GitHubFacts.isTrue;
import static io.watchkeeper.auditors.github.GitHubFacts.lower;
import static io.watchkeeper.auditors.github.GitHubFacts.one;
import static io.watchkeeper.auditors.github.GitHubFacts.present;

import io.watchkeeper.auditors.github.GitHubCheck.Text;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig.RunnerGroup;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * GitHub Actions permissions of the organisation and of each repository ({@code github.actions-permissions}).
 * Where Actions are off nothing applies. A repository reports a setting only when the organisation's own
 * record does not already report it: a repository cannot be wider than its organisation, so a wide
 * organisation is one finding, not one per repository.
 */
final class ActionsChecks {

    static final ResourceType ACTIONS = ResourceType.of("github.actions-permissions");

    private ActionsChecks() {}

    static List<GitHubCheck<?>> all() {
        return List.of(
                setting("all-actions-allowed", Severity.MEDIUM, cis("3.1.1"),
                        a -> "all".equals(lower(a.allowedActions())), "allowed-actions",
                        "any action or reusable workflow from anyone may run", "Any GitHub Action may run",
                        "Workflows can pull third-party actions that run with the repository's token and secrets.",
                        "Actions > General: allow only your own, GitHub's, verified or selected actions (and pin them"
                                + " by SHA)."),
                setting("default-token-write", Severity.MEDIUM, List.of(),
                        a -> "write".equals(lower(a.defaultWorkflowPermissions())), "workflow-token",
                        "workflows get a read-write GITHUB_TOKEN by default", "Default workflow token is read-write",
                        "Any step of any workflow (and any action it runs) can push code, change releases and packages.",
                        "Actions > General > Workflow permissions: 'Read repository contents and packages'; grant more"
                                + " per job with 'permissions:'."),
                setting("can-approve-pull-requests", Severity.MEDIUM, List.of(),
                        a -> isTrue(a.canApprovePullRequestReviews()), "approve-pull-requests",
                        "workflows may approve pull requests", "GitHub Actions may approve pull requests",
                        "A workflow (or anyone who can change one) can satisfy required reviews by itself.",
                        "Actions > General: clear 'Allow GitHub Actions to create and approve pull requests'."),
                GitHubCheck.of("github.actions-permissions/runner-group-public-repositories",
                        GitHubActionsPermissionsConfig.class, Severity.HIGH,
                        new Text("Self-hosted runner group is open to public repositories",
                                "A pull request from a fork of a public repository can run code on your own machines.",
                                "Actions > Runner groups: clear 'Allow public repositories', or use GitHub-hosted runners"
                                        + " for public repositories."),
                        List.of(), ActionsChecks::runnerGroups));
    }

    /** Actions are off for the organisation ("none") or the repository ("false"). */
    static boolean off(GitHubActionsPermissionsConfig a) {
        String enabled = lower(a.enabled());
        return enabled.equals("none") || enabled.equals("false");
    }

    private static GitHubCheck<GitHubActionsPermissionsConfig> setting(String name, Severity severity,
                                                                        List<String> controls,
                                                                        Predicate<GitHubActionsPermissionsConfig> bad,
                                                                        String key, String message, String title,
                                                                        String rationale, String remediation) {
        return GitHubCheck.of("github.actions-permissions/" + name, GitHubActionsPermissionsConfig.class, severity,
                new Text(title, rationale, remediation), controls,
                (a, context) -> !off(a) && bad.test(a) && !(a.repository() != null && organisationAlso(bad, context))
                        ? one(key, (a.repository() == null ? "Organisation" : "Repository " + cut(a.repository(), 100))
                                + ": " + message, Exposure.INTERNAL, details("setting", key))
                        : List.of()).reading(ACTIONS);
    }

    private static boolean organisationAlso(Predicate<GitHubActionsPermissionsConfig> bad, AuditContext context) {
        return context.related(ACTIONS, GitHubActionsPermissionsConfig.class).stream()
                .map(AuditContext.Related::config)
                .anyMatch(o -> o != null && o.repository() == null && !off(o) && bad.test(o));
    }

    private static List<Evidence> runnerGroups(GitHubActionsPermissionsConfig a, AuditContext context) {
        if (off(a)) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (RunnerGroup g : present(a.runnerGroups())) {
            if (g.allowsPublicRepositories()) {
                out.add(new Evidence("runner-group:" + g.id(), "Runner group '" + cut(g.name(), 100)
                        + "' may run jobs of public repositories", Exposure.INTERNET,
                        details("group", g.id(), "visibility", lower(g.visibility()))));
            }
        }
        return out;
    }
}
