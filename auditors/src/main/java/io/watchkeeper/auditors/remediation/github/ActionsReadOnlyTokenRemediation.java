package io.watchkeeper.auditors.remediation.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.List;
import java.util.Set;

/**
 * Sets the default GITHUB_TOKEN of workflows to read ({@code default_workflow_permissions: read}); jobs that
 * need more ask for it with {@code permissions:}. Rollback sets it back to write.
 */
@AutoService(Remediation.class)
public final class ActionsReadOnlyTokenRemediation implements Remediation<GitHubActionsPermissionsConfig> {

    @Override public String id() { return "github.actions-permissions/read-only-token"; }
    @Override public CheckId fixes() { return CheckId.of("github.actions-permissions/default-token-write"); }
    @Override public Class<GitHubActionsPermissionsConfig> configType() { return GitHubActionsPermissionsConfig.class; }
    @Override public Set<String> requiredPermissions() {
        return Set.of("administration:write", "organization_administration:write");
    }
    @Override public String description() { return "Make the default workflow token read-only."; }

    @Override
    public RemediationPlan plan(FindingView finding, GitHubActionsPermissionsConfig config) {
        String workflow = ActionsWorkflowPermissions.workflowPath(finding, config);
        GitHubCalls.accept(this, finding, finding.resourceId());
        if (!"write".equals(config.defaultWorkflowPermissions())) {
            return GitHubCalls.plan(this, finding, "nothing to do: the default workflow token is not read-write");
        }
        return GitHubCalls.plan(this, finding, "Set the default workflow token of " + GitHubCalls.printable(
                        config.repository() == null ? "the organisation" : config.repository()) + " to read",
                GitHubCalls.call("SetWorkflowPermissions", "PUT", workflow,
                        Json.object().put("default_workflow_permissions", "read")));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GitHubActionsPermissionsConfig before) {
        List<ApiCall> done = GitHubCalls.calls(applied, "SetWorkflowPermissions");
        List<ApiCall> calls = done.isEmpty() || !"write".equals(before.defaultWorkflowPermissions()) ? List.of()
                : List.of(GitHubCalls.call("SetWorkflowPermissions", "PUT",
                        done.getFirst().parameters().get("Path").stringValue(),
                        Json.object().put("default_workflow_permissions", "write")));
        return GitHubCalls.rollback(this, applied, "Set the default workflow token back to write", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GitHubCalls.execute(this, call, session, ActionsWorkflowPermissions.CALLS);
    }
}
