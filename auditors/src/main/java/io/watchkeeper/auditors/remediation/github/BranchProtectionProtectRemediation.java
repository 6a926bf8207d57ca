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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Protects an unprotected default branch with the baseline: changes through pull requests with one
 * approval, stale approvals dismissed, administrators included, no force pushes, no deletion (classic
 * branch protection, {@code PUT …/branches/{branch}/protection}). Rollback removes the protection again
 * ({@code DELETE}), which restores the stored state: the branch had none.
 */
@AutoService(Remediation.class)
public final class BranchProtectionProtectRemediation implements Remediation<GitHubBranchProtectionConfig> {

    static final Pattern PROTECTION = Pattern.compile("/repos/(" + GitHubCalls.LOGIN + ")/(" + GitHubCalls.REPOSITORY
            + ")/branches/" + GitHubCalls.SEGMENT + "/protection");
    private static final Map<String, Allowed> CALLS = Map.of(
            "UpdateBranchProtection", new Allowed("PUT", PROTECTION, Set.of("required_status_checks", "enforce_admins",
                    "required_pull_request_reviews", "restrictions", "allow_force_pushes", "allow_deletions")),
            "DeleteBranchProtection", new Allowed("DELETE", PROTECTION, Set.of()));

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
        if (config.classic() != null || (config.notOffered() != null && config.notOffered().contains("classic"))) {
            throw new InvalidInputException("refusing to plan " + id() + " for " + GitHubCalls.printable(path)
                    + ": classic protection " + (config.classic() != null ? "exists already" : "is not offered on this plan")
                    + "; protect the branch with a ruleset instead");
        }
        return GitHubCalls.plan(this, finding, "Protect " + GitHubCalls.printable(config.repository() + ":" + config.branch())
                + " with the baseline (1 approval, no force push, no deletion)",
                GitHubCalls.call("UpdateBranchProtection", "PUT", path, baseline()));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GitHubBranchProtectionConfig before) {
        List<ApiCall> calls = GitHubCalls.calls(applied, "UpdateBranchProtection").isEmpty() || before.classic() != null
                ? List.of() : List.of(GitHubCalls.call("DeleteBranchProtection", "DELETE", applied.resourceId(), null));
        return GitHubCalls.rollback(this, applied, "Remove the protection of " + GitHubCalls.printable(
                before.repository() + ":" + before.branch()) + " again", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GitHubCalls.execute(this, call, session, CALLS);
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
