package io.watchkeeper.core.config.github;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * A repository or organisation ruleset ({@code github.ruleset}): what it protects, how it is
 * enforced and who may bypass it.
 *
 * @param id the ruleset's id
 * @param name its name
 * @param sourceType Organization or Repository
 * @param source the organisation or repository (name) that owns it
 * @param target branch, tag or push
 * @param enforcement active, evaluate (reports only) or disabled
 * @param refInclude ref name patterns it applies to ({@code ~DEFAULT_BRANCH}, {@code ~ALL},
 *     {@code refs/heads/main}), sorted
 * @param refExclude ref name patterns it leaves out, sorted
 * @param repositoryInclude organisation rulesets: repository name patterns ({@code ~ALL}), sorted
 * @param repositoryExclude organisation rulesets: repository names left out, sorted
 * @param bypassActors who may bypass it, sorted
 * @param rules its rules, sorted by type
 * @param updatedAt last change (ephemeral)
 */
public record GitHubRulesetConfig(long id, String name, String sourceType, String source, String target,
                                  String enforcement, List<String> refInclude, List<String> refExclude,
                                  List<String> repositoryInclude, List<String> repositoryExclude,
                                  List<BypassActor> bypassActors, List<GitHubRule> rules,
                                  @Ephemeral Instant updatedAt) {

    /**
     * One actor allowed to bypass a ruleset.
     *
     * @param actorType RepositoryRole, Team, Integration, OrganizationAdmin, DeployKey
     * @param actorId the actor's id (null for OrganizationAdmin and DeployKey)
     * @param bypassMode always or pull_request
     */
    public record BypassActor(String actorType, Long actorId, String bypassMode) {}
}
