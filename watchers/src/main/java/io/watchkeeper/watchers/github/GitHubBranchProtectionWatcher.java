package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig;
import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig.Classic;
import io.watchkeeper.core.config.github.GitHubRule;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The protection of each repository's default branch: the branch (whether anything protects it),
 * its classic protection when it is protected, and the active ruleset rules on it, combined by
 * {@link EffectiveProtection}.
 * Empty repositories (no default branch) have nothing to protect and are skipped.
 */
@AutoService(Watcher.class)
public final class GitHubBranchProtectionWatcher extends GitHubWatcher<GitHubBranchProtectionConfig> {

    public GitHubBranchProtectionWatcher() {
        super("github.branch-protection", GitHubBranchProtectionConfig.class, "administration:read", "metadata:read");
    }

    @Override
    protected List<Observation<GitHubBranchProtectionConfig>> observe(GitHubSession github) {
        List<JsonNode> withBranch = repositories(github).stream()
                .filter(r -> Fields.text(r, "default_branch") != null && !Long.valueOf(0).equals(Fields.number(r, "size")))
                .toList();
        // one conditional request per watch: whether the organisation protects with rulesets (remediations read it)
        List<JsonNode> orgRulesets = github.api().listUnless(orgPath(github) + "/rulesets", null,
                GitHubApi.Answer::notOffered);
        Boolean organizationRulesets = orgRulesets != null && !orgRulesets.isEmpty() ? Boolean.TRUE : null;
        return describeEach(withBranch, r -> path(github, r), r -> name(r), r -> {
            String branch = Fields.text(r, "default_branch");
            String branchPath = repoPath(github, r) + "/branches/" + GitHubApi.segment(branch);
            List<String> notOffered = new ArrayList<>();
            // the branch (a conditional request) says whether anything protects it; only then is its classic
            // protection read, and a "Branch not protected" answer is remembered while the branch is unchanged
            GitHubApi.Answer branchAnswer = github.api().answer(branchPath);
            if (!branchAnswer.ok()) {
                throw branchAnswer.failure("reading branch " + name(r));
            }
            GitHubApi.Answer classic = Fields.isTrue(branchAnswer.body(), "protected")
                    ? github.api().answerRemembered(branchPath + "/protection", branchAnswer.etag(),
                            github.settings().cacheLifetime())
                    : null;
            JsonNode protection = null;
            if (classic == null) {
                protection = null;
            } else if (classic.ok()) {
                protection = classic.body();
            } else if (classic.notOffered()) {
                notOffered.add("classic");
            } else if (classic.status() != 404) {
                throw classic.failure("reading the protection of " + name(r));
            }
            List<JsonNode> rules = rules(github, repoPath(github, r) + "/rules/branches/" + GitHubApi.segment(branch),
                    branchAnswer);
            if (rules == null) {
                notOffered.add("rulesets");
                rules = List.of();
            }
            List<GitHubRule> branchRules = rules.stream()
                    .map(rule -> new GitHubRule(Fields.text(rule, "type"), Fields.flatten(rule.get("parameters")),
                            Fields.number(rule, "ruleset_id"), Fields.text(rule, "ruleset_source_type"),
                            Fields.text(rule, "ruleset_source")))
                    .sorted(Comparator.comparing((GitHubRule g) -> String.valueOf(g.type()))
                            .thenComparing(g -> g.rulesetId() == null ? 0 : g.rulesetId()))
                    .toList();
            Classic classicProtection = protection == null ? null : EffectiveProtection.classic(protection);
            GitHubBranchProtectionConfig config = new GitHubBranchProtectionConfig(Fields.text(r, "name"), branch,
                    Fields.isTrue(r, "archived"), classicProtection, branchRules,
                    EffectiveProtection.of(classicProtection, branchRules), List.copyOf(notOffered), organizationRulesets);
            return observed(path(github, r), name(r), config);
        });
    }

    /**
     * The active rules on the branch, or null where the plan offers no rulesets. GitHub's {@code protected}
     * flag of a branch covers active rulesets, so an unprotected branch has no rules: while its ETag is
     * unchanged, GitHub's answer ({@code []}, or "not offered" — which tells "not applicable" from
     * "unprotected") is remembered without a request, for at most {@code recheck}.
     */
    private static List<JsonNode> rules(GitHubSession github, String path, GitHubApi.Answer branch) {
        if (!Fields.isTrue(branch.body(), "protected") && branch.etag() != null) {
            GitHubApi.Answer a = github.api().answerRemembered(path, "unprotected|" + branch.etag(),
                    github.settings().recheck(), x -> x.ok() && x.body().isArray() && x.body().isEmpty());
            if (a.notOffered()) {
                return null;
            }
            if (a.ok() && a.body().isArray() && a.body().isEmpty()) {
                return List.of();
            }
        }
        return github.api().listUnless(path, null, GitHubApi.Answer::notOffered);
    }

    private static String path(GitHubSession github, JsonNode r) {
        return repoPath(github, r) + "/branches/" + GitHubApi.segment(Fields.text(r, "default_branch")) + "/protection";
    }

    private static String name(JsonNode r) {
        return Fields.text(r, "name") + ":" + Fields.text(r, "default_branch");
    }
}
