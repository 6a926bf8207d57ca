package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig.RunnerGroup;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * GitHub Actions permissions of the organisation (with its self-hosted runner groups) and of each
 * repository: allowed actions (and the allowed list when "selected"), the default workflow token
 * permissions and whether workflows may approve pull requests.
 */
@AutoService(Watcher.class)
public final class GitHubActionsPermissionsWatcher extends GitHubWatcher<GitHubActionsPermissionsConfig> {

    public GitHubActionsPermissionsWatcher() {
        super("github.actions-permissions", GitHubActionsPermissionsConfig.class, "organization_administration:read",
                "organization_self_hosted_runners:read", "administration:read");
    }

    @Override
    protected List<Observation<GitHubActionsPermissionsConfig>> observe(GitHubSession github) {
        String org = orgPath(github) + "/actions/permissions";
        List<Observation<GitHubActionsPermissionsConfig>> out = new ArrayList<>();
        List<String> notOffered = new ArrayList<>();
        List<JsonNode> groups = github.api().listUnless(orgPath(github) + "/actions/runner-groups", "runner_groups",
                GitHubApi.Answer::notOffered);
        List<RunnerGroup> runnerGroups = null;
        if (groups == null) {
            notOffered.add("runner-groups");
        } else {
            runnerGroups = groups.stream().map(g -> new RunnerGroup(Fields.id(g), Fields.text(g, "name"),
                            Fields.text(g, "visibility"), Fields.isTrue(g, "default"),
                            Fields.isTrue(g, "allows_public_repositories"), Fields.isTrue(g, "restricted_to_workflows"),
                            Fields.isTrue(g, "inherited")))
                    .sorted(Comparator.comparing((RunnerGroup g) -> String.valueOf(g.name())).thenComparing(RunnerGroup::id))
                    .toList();
        }
        out.add(observed(org, github.organization() + " actions", read(github, org, "organization", null,
                "enabled_repositories", runnerGroups, notOffered)));
        out.addAll(describeEach(repositories(github), r -> repoPath(github, r) + "/actions/permissions",
                r -> Fields.text(r, "name") + " actions", r -> {
                    String path = repoPath(github, r) + "/actions/permissions";
                    return observed(path, Fields.text(r, "name") + " actions",
                            read(github, path, "repository", Fields.text(r, "name"), "enabled", null, new ArrayList<>()));
                }));
        return out;
    }

    private static GitHubActionsPermissionsConfig read(GitHubSession github, String path, String owner, String repository,
                                                       String enabledField, List<RunnerGroup> runnerGroups,
                                                       List<String> notOffered) {
        JsonNode permissions = github.api().get(path);
        String allowed = Fields.text(permissions, "allowed_actions");
        JsonNode selected = null;
        if ("selected".equals(allowed)) {
            selected = github.api().get(path + "/selected-actions");
        }
        GitHubApi.Answer workflow = github.api().answer(path + "/workflow");
        if (!workflow.ok() && !workflow.notOffered()) {
            throw workflow.failure("reading the workflow token permissions");
        }
        if (!workflow.ok()) {
            notOffered.add("workflow");
        }
        JsonNode w = workflow.ok() ? workflow.body() : null;
        return new GitHubActionsPermissionsConfig(owner, repository, Fields.text(permissions, enabledField), allowed,
                Fields.bool(selected, "github_owned_allowed"), Fields.bool(selected, "verified_allowed"),
                selected == null ? List.of() : Fields.strings(selected, "patterns_allowed"),
                Fields.bool(permissions, "sha_pinning_required"), Fields.text(w, "default_workflow_permissions"),
                Fields.bool(w, "can_approve_pull_request_reviews"), runnerGroups, notOffered.stream().sorted().toList());
    }
}
