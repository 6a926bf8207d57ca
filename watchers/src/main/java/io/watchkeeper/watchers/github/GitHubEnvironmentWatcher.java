package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubEnvironmentConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Each repository's deployment environments and their protection rules (one listing per
 * repository; where the plan offers no environments there are none).
 */
@AutoService(Watcher.class)
public final class GitHubEnvironmentWatcher extends GitHubWatcher<GitHubEnvironmentConfig> {

    public GitHubEnvironmentWatcher() {
        super("github.environment", GitHubEnvironmentConfig.class, "actions:read", "metadata:read");
    }

    @Override
    protected List<Observation<GitHubEnvironmentConfig>> observe(GitHubSession github) {
        return eachRepository(repositories(github), r -> {
            String environments = repoPath(github, r) + "/environments";
            String repository = Fields.text(r, "name");
            List<JsonNode> listed = github.api().listUnless(environments, "environments", GitHubApi.Answer::notOffered);
            if (listed == null) {
                return List.of();
            }
            return listed.stream().filter(e -> Fields.text(e, "name") != null).map(e -> {
                List<String> reviewers = new ArrayList<>();
                List<String> other = new ArrayList<>();
                boolean preventSelfReview = false;
                int wait = 0;
                JsonNode rules = e.get("protection_rules");
                if (rules != null && rules.isArray()) {
                    for (JsonNode rule : rules) {
                        String type = String.valueOf(Fields.text(rule, "type"));
                        switch (type) {
                            case "required_reviewers" -> {
                                preventSelfReview |= Fields.isTrue(rule, "prevent_self_review");
                                rule.path("reviewers").forEach(x -> reviewers.add(Fields.text(x, "type") + ":"
                                        + (Fields.text(x.get("reviewer"), "login") != null
                                        ? Fields.text(x.get("reviewer"), "login") : Fields.text(x.get("reviewer"), "slug"))));
                            }
                            case "wait_timer" -> wait = Math.toIntExact(
                                    java.util.Objects.requireNonNullElse(Fields.number(rule, "wait_timer"), 0L));
                            default -> other.add(type);
                        }
                    }
                }
                reviewers.sort(null);
                other.sort(null);
                JsonNode policy = e.get("deployment_branch_policy");
                boolean hasPolicy = policy != null && policy.isObject();
                String name = Fields.text(e, "name");
                GitHubEnvironmentConfig config = new GitHubEnvironmentConfig(repository, name, Fields.id(e),
                        Fields.bool(e, "can_admins_bypass"), List.copyOf(reviewers), preventSelfReview, wait,
                        List.copyOf(other), hasPolicy ? Fields.bool(policy, "protected_branches") : null,
                        hasPolicy ? Fields.bool(policy, "custom_branch_policies") : null, Fields.instant(e, "created_at"),
                        Fields.instant(e, "updated_at"));
                return observed(environments + "/" + GitHubApi.segment(name), repository + "/" + name, config);
            }).toList();
        });
    }
}
