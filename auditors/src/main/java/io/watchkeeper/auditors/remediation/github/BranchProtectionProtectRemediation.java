package io.watchkeeper.auditors.remediation.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.remediation.github.GitHubCalls.Allowed;
import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubErrors;
import io.watchkeeper.github.GitHubSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Protects an unprotected default branch with the baseline: changes through pull requests with one
 * approval, stale approvals dismissed, no force pushes, no deletion. Where the organisation protects with
 * rulesets (it has any), or the plan offers rulesets but not classic protection, or classic protection exists
 * already, as a repository ruleset ({@code POST /repos/{owner}/{repo}/rulesets}, named
 * {@value #RULESET_NAME}, on {@code ~DEFAULT_BRANCH}, no bypass actors); otherwise as classic branch protection
 * ({@code PUT …/branches/{branch}/protection}, administrators included). Rollback removes what was added,
 * which restores the stored state (the branch had no protection): the classic protection ({@code DELETE}),
 * or the ruleset of that name ({@code DELETE …/rulesets/{id}}, the id looked up by name when rolling back
 * since the plan is made before GitHub gives it one).
 */
@AutoService(Remediation.class)
public final class BranchProtectionProtectRemediation implements Remediation<GitHubBranchProtectionConfig> {

    static final Pattern PROTECTION = Pattern.compile("/repos/(" + GitHubCalls.LOGIN + ")/(" + GitHubCalls.REPOSITORY
            + ")/branches/" + GitHubCalls.SEGMENT + "/protection");
    static final Pattern RULESETS = Pattern.compile("/repos/(" + GitHubCalls.LOGIN + ")/(" + GitHubCalls.REPOSITORY
            + ")/rulesets");
    /** The name of the ruleset this remediation creates (unique in a repository, so rollback finds it by name). */
    static final String RULESET_NAME = "watchkeeper-default-branch-baseline";
    private static final Map<String, Allowed> CALLS = Map.of(
            "UpdateBranchProtection", new Allowed("PUT", PROTECTION, Set.of("required_status_checks", "enforce_admins",
                    "required_pull_request_reviews", "restrictions", "allow_force_pushes", "allow_deletions")),
            "DeleteBranchProtection", new Allowed("DELETE", PROTECTION, Set.of()),
            "CreateRepositoryRuleset", new Allowed("POST", RULESETS, Set.of("name", "target", "enforcement",
                    "conditions", "rules", "bypass_actors")));

    @Override public String id() { return "github.branch-protection/protect"; }
    @Override public CheckId fixes() { return CheckId.of("github.branch-protection/unprotected"); }
    @Override public Class<GitHubBranchProtectionConfig> configType() { return GitHubBranchProtectionConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("administration:write"); }
    @Override public String description() {
        return "Protect the default branch: 1 approval, stale approvals dismissed, admins included, no force push or deletion.";
    }

    /** The baseline protection, as the request body. */
    static ObjectNode baseline() {
        ObjectNode body = Json.object();
        body.putNull("required_status_checks");
        body.put("enforce_admins", true);
        body.putObject("required_pull_request_reviews").put("required_approving_review_count", 1)
                .put("dismiss_stale_reviews", true).put("require_code_owner_reviews", false);
        body.putNull("restrictions");
        body.put("allow_force_pushes", false).put("allow_deletions", false);
        return body;
    }

    /** The baseline as a repository ruleset on the default branch, as the request body. */
    static ObjectNode rulesetBaseline() {
        ObjectNode body = Json.object().put("name", RULESET_NAME).put("target", "branch").put("enforcement", "active");
        ObjectNode refs = body.putObject("conditions").putObject("ref_name");
        refs.putArray("include").add("~DEFAULT_BRANCH");
        refs.putArray("exclude");
        var rules = body.putArray("rules");
        rules.addObject().put("type", "deletion");
        rules.addObject().put("type", "non_fast_forward");
        rules.addObject().put("type", "pull_request").putObject("parameters").put("required_approving_review_count", 1)
                .put("dismiss_stale_reviews_on_push", true).put("require_code_owner_review", false)
                .put("require_last_push_approval", false).put("required_review_thread_resolution", false);
        body.putArray("bypass_actors");
        return body;
    }

    /** Rulesets where the organisation uses them, where only they are offered, or where classic protection exists. */
    static boolean withRuleset(GitHubBranchProtectionConfig config) {
        List<String> notOffered = config.notOffered() == null ? List.of() : config.notOffered();
        return Boolean.TRUE.equals(config.organizationRulesets()) || config.classic() != null
                || notOffered.contains("classic");
    }

    @Override
    public RemediationPlan plan(FindingView finding, GitHubBranchProtectionConfig config) {
        String path = path(finding, config);
        GitHubCalls.accept(this, finding, path);
        if (config.effective() != null && config.effective().protectedBranch()) {
            return GitHubCalls.plan(this, finding, "nothing to do: the branch is protected");
        }
        if (config.archived()) {
            throw new InvalidInputException("refusing to plan " + id() + ": the repository is archived (read-only)");
        }
        if (withRuleset(config)) {
            if (config.notOffered() != null && config.notOffered().contains("rulesets")) {
                throw new InvalidInputException("refusing to plan " + id() + " for " + GitHubCalls.printable(path)
                        + ": the plan offers rulesets on this repository neither, and classic protection "
                        + (config.classic() != null ? "exists already" : "is not offered"));
            }
            String rulesets = path.substring(0, path.indexOf("/branches/")) + "/rulesets";
            return GitHubCalls.plan(this, finding, "Protect " + GitHubCalls.printable(config.repository() + ":"
                            + config.branch()) + " with a repository ruleset '" + RULESET_NAME
                            + "' (1 approval, no force push, no deletion)",
                    GitHubCalls.call("CreateRepositoryRuleset", "POST", rulesets, rulesetBaseline()));
        }
        return GitHubCalls.plan(this, finding, "Protect " + GitHubCalls.printable(config.repository() + ":" + config.branch())
                + " with the baseline (1 approval, no force push, no deletion)",
                GitHubCalls.call("UpdateBranchProtection", "PUT", path, baseline()));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GitHubBranchProtectionConfig before) {
        List<ApiCall> created = GitHubCalls.calls(applied, "CreateRepositoryRuleset");
        if (!created.isEmpty()) {
            ApiCall delete = new ApiCall("github", "DeleteRepositoryRuleset", Json.object().put("Method", "DELETE")
                    .put("Path", created.getFirst().parameters().path("Path").asString()).put("Name", RULESET_NAME));
            return GitHubCalls.rollback(this, applied, "Delete the ruleset '" + RULESET_NAME + "' of "
                    + GitHubCalls.printable(before.repository() + ":" + before.branch()) + " again", List.of(delete));
        }
        List<ApiCall> calls = GitHubCalls.calls(applied, "UpdateBranchProtection").isEmpty() || before.classic() != null
                ? List.of() : List.of(GitHubCalls.call("DeleteBranchProtection", "DELETE", applied.resourceId(), null));
        return GitHubCalls.rollback(this, applied, "Remove the protection of " + GitHubCalls.printable(
                before.repository() + ":" + before.branch()) + " again", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        if ("github".equals(call.service()) && "DeleteRepositoryRuleset".equals(call.operation())) {
            deleteRuleset(call, session);
            return;
        }
        GitHubCalls.execute(this, call, session, CALLS);
    }

    /**
     * Deletes this remediation's ruleset of the repository: exactly {@code DELETE}, a rulesets path of the session's
     * organisation and {@value #RULESET_NAME}; the id is the one repository ruleset of that name (none or several:
     * nothing is deleted and the rollback fails).
     */
    private void deleteRuleset(ApiCall call, CloudSession session) {
        var p = call.parameters();
        String path = p.path("Path").asString("");
        var m = RULESETS.matcher(path);
        if (!"DELETE".equals(p.path("Method").asString("")) || !m.matches() || !RULESET_NAME.equals(p.path("Name").asString(""))
                || !Set.of("Method", "Path", "Name").containsAll(Set.copyOf(p.propertyNames()))) {
            throw new IllegalArgumentException(id() + " runs DeleteRepositoryRuleset as DELETE " + RULESETS + " named "
                    + RULESET_NAME + ", not " + GitHubCalls.printable(String.valueOf(p)));
        }
        GitHubSession github = GitHubCalls.github(session);
        if (!m.group(1).equalsIgnoreCase(github.organization())) {
            throw new InvalidInputException("refusing DeleteRepositoryRuleset on organisation '"
                    + GitHubCalls.printable(m.group(1)) + "' with the session of " + github.organization());
        }
        List<Long> ids = github.api().list(path + "?includes_parents=false").stream()
                .filter(r -> RULESET_NAME.equals(r.path("name").asString(null))
                        && "Repository".equals(r.path("source_type").asString(null)) && r.path("id").canConvertToLong())
                .map(r -> r.path("id").asLong()).toList();
        if (ids.size() != 1) {
            throw GitHubErrors.failure("DeleteRepositoryRuleset (" + path + ")", 404, ids.isEmpty()
                    ? "no ruleset named " + RULESET_NAME + " (deleted already?)" : ids.size() + " rulesets named " + RULESET_NAME);
        }
        GitHubApi.Answer answer = github.api().write("DELETE", path + "/" + ids.getFirst(), null);
        if (!answer.ok()) {
            throw GitHubErrors.failure("DeleteRepositoryRuleset (DELETE " + path + "/" + ids.getFirst() + ")",
                    answer.status(), answer.message());
        }
    }

    /** The resource id, which must be the protection path of the configuration's repository and branch. */
    private static String path(FindingView finding, GitHubBranchProtectionConfig config) {
        String path = GitHubCalls.path(finding.resourceId(), PROTECTION, "a branch protection path");
        var m = PROTECTION.matcher(path);
        m.matches();
        String expected = "/repos/" + m.group(1) + "/" + (config.repository() == null ? "" : GitHubApi.segment(config.repository()))
                + "/branches/" + (config.branch() == null ? "" : GitHubApi.segment(config.branch())) + "/protection";
        if (!expected.equals(path)) {
            throw new InvalidInputException("refusing to plan: the finding's resource " + GitHubCalls.printable(path)
                    + " is not the protection of " + GitHubCalls.printable(config.repository() + ":" + config.branch()));
        }
        return path;
    }
}
