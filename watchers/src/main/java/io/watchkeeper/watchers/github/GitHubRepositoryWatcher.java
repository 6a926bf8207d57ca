package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubRepositoryConfig;
import io.watchkeeper.core.config.github.GitHubRepositoryConfig.SecurityAndAnalysis;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Repositories: settings from the organisation's listing; per repository Dependabot alerts
 * ({@code vulnerability-alerts}: 204 on, 404 off — an answer without a validator, so it is
 * remembered until the repository changes or {@code recheck} passes), private vulnerability
 * reporting (public repositories) and where SECURITY.md is (root listing, then {@code .github} and
 * {@code docs} when they exist, else the organisation's {@code .github} repository).
 */
@AutoService(Watcher.class)
public final class GitHubRepositoryWatcher extends GitHubWatcher<GitHubRepositoryConfig> {

    public GitHubRepositoryWatcher() {
        super("github.repository", GitHubRepositoryConfig.class, "metadata:read", "administration:read",
                "contents:read", "vulnerability_alerts:read");
    }

    @Override
    protected List<Observation<GitHubRepositoryConfig>> observe(GitHubSession github) {
        List<JsonNode> repositories = repositories(github);
        String organizationPolicy = repositories.stream().filter(r -> ".github".equalsIgnoreCase(Fields.text(r, "name")))
                .findFirst().map(r -> ownPolicy(github, r) != null ? "organization" : null).orElse(null);
        return describeEach(repositories, r -> repoPath(github, r), r -> Fields.text(r, "name"), r -> {
            List<String> notOffered = new ArrayList<>();
            String path = repoPath(github, r);
            Boolean pvr = null;
            if ("public".equals(Fields.text(r, "visibility"))) {
                GitHubApi.Answer a = github.api().answer(path + "/private-vulnerability-reporting");
                if (a.ok()) {
                    pvr = Fields.bool(a.body(), "enabled");
                } else if (a.notOffered() || a.status() == 404) {
                    notOffered.add("private-vulnerability-reporting");
                } else {
                    throw a.failure("reading private vulnerability reporting of " + Fields.text(r, "name"));
                }
            }
            // 204/404 carry no validator: remembered until the repository changes or settings.recheck passes
            GitHubApi.Answer alerts = github.api().answerRemembered(path + "/vulnerability-alerts",
                    Fields.text(r, "updated_at") + "|" + Fields.text(r, "visibility") + "|" + Fields.isTrue(r, "archived"),
                    github.settings().recheck());
            Boolean dependabotAlerts = alerts.status() == 204 || alerts.ok() ? Boolean.TRUE
                    : alerts.status() == 404 && !alerts.notOffered() ? Boolean.FALSE : null;
            if (dependabotAlerts == null && !alerts.notOffered() && alerts.status() != 403) {
                throw alerts.failure("reading Dependabot alerts of " + Fields.text(r, "name"));
            }
            String policy = ownPolicy(github, r);
            GitHubRepositoryConfig config = new GitHubRepositoryConfig(Fields.text(r, "name"), Fields.id(r),
                    visibility(r), Fields.isTrue(r, "archived"), Fields.isTrue(r, "disabled"), Fields.isTrue(r, "fork"),
                    Fields.isTrue(r, "is_template"), Fields.text(r, "default_branch"), Fields.bool(r, "allow_forking"),
                    Fields.bool(r, "web_commit_signoff_required"), Fields.bool(r, "delete_branch_on_merge"),
                    securityAndAnalysis(r.get("security_and_analysis")), dependabotAlerts, pvr,
                    policy != null ? policy : organizationPolicy, Fields.instant(r, "created_at"), List.copyOf(notOffered),
                    Fields.instant(r, "pushed_at"), Fields.instant(r, "updated_at"), Fields.number(r, "size"),
                    Fields.number(r, "stargazers_count"), Fields.number(r, "open_issues_count"));
            return observed(path, Fields.text(r, "name"), config);
        });
    }

    private static String visibility(JsonNode r) {
        String visibility = Fields.text(r, "visibility");
        return visibility != null ? visibility.toLowerCase(Locale.ROOT) : Fields.isTrue(r, "private") ? "private" : "public";
    }

    private static SecurityAndAnalysis securityAndAnalysis(JsonNode s) {
        if (s == null || !s.isObject()) {
            return null;
        }
        return new SecurityAndAnalysis(status(s, "advanced_security"), status(s, "secret_scanning"),
                status(s, "secret_scanning_push_protection"), status(s, "secret_scanning_non_provider_patterns"),
                status(s, "secret_scanning_validity_checks"), status(s, "dependabot_security_updates"));
    }

    private static String status(JsonNode s, String feature) {
        return Fields.text(s.get(feature), "status");
    }

    /** Where the repository's own SECURITY.md is, or null (empty repositories have none). */
    private static String ownPolicy(GitHubSession github, JsonNode r) {
        if (Fields.text(r, "default_branch") == null || Long.valueOf(0).equals(Fields.number(r, "size"))) {
            return null;
        }
        String contents = repoPath(github, r) + "/contents";
        String validator = Fields.text(r, "pushed_at") + "|" + Fields.number(r, "size") + "|" + Fields.text(r, "default_branch");
        List<String> root = names(github, contents + "/", validator);
        if (root == null) {
            return null;
        }
        if (root.stream().anyMatch("SECURITY.md"::equalsIgnoreCase)) {
            return "SECURITY.md";
        }
        for (String folder : List.of(".github", "docs")) {
            if (root.contains(folder)) {
                List<String> inside = names(github, contents + "/" + folder, validator);
                if (inside != null && inside.stream().anyMatch("SECURITY.md"::equalsIgnoreCase)) {
                    return folder + "/SECURITY.md";
                }
            }
        }
        return null;
    }

    /** File names of a folder listing, or null for an empty repository (404). */
    private static List<String> names(GitHubSession github, String path, String validator) {
        GitHubApi.Answer a = github.api().answerRemembered(path, validator, github.settings().cacheLifetime());
        if (a.status() == 404) {
            return null;
        }
        if (!a.ok() || !a.body().isArray()) {
            throw a.failure("listing " + path);
        }
        List<String> names = new ArrayList<>();
        a.body().forEach(f -> names.add(Fields.text(f, "name")));
        return names;
    }
}
