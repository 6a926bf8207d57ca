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
 * Stops GitHub Actions from creating and approving pull requests ({@code can_approve_pull_request_reviews:
 * false}). Rollback allows it again.
 */
@AutoService(Remediation.class)
public final class ActionsForbidPullRequestApprovalRemediation implements Remediation<GitHubActionsPermissionsConfig> {

    @Override public String id() { return "github.actions-permissions/forbid-pull-request-approval"; }
    @Override public CheckId fixes() { return CheckId.of("github.actions-permissions/can-approve-pull-requests"); }
    @Override public Class<GitHubActionsPermissionsConfig> configType() { return GitHubActionsPermissionsConfig.class; }
    @Override public Set<String> requiredPermissions() {
        return Set.of("administration:write", "organization_administration:write");
    }
    @Override public String description() { return "Stop workflows from creating and approving pull requests."; }

    @Override
    public RemediationPlan plan(FindingView finding, GitHubActionsPermissionsConfig config) {
        String workflow = ActionsWorkflowPermissions.workflowPath(finding, config);
        GitHubCalls.accept(this, finding, finding.resourceId());
        if (!Boolean.TRUE.equals(config.canApprovePullRequestReviews())) {
            return GitHubCalls.plan(this, finding, "nothing to do: workflows may not approve pull requests");
        }
        return GitHubCalls.plan(this, finding, "Stop workflows of " + GitHubCalls.printable(
                        config.repository() == null ? "the organisation" : config.repository())
                        + " from approving pull requests",
                GitHubCalls.call("SetWorkflowPermissions", "PUT", workflow,
                        Json.object().put("can_approve_pull_request_reviews", false)));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GitHubActionsPermissionsConfig before) {
        List<ApiCall> done = GitHubCalls.calls(applied, "SetWorkflowPermissions");
        List<ApiCall> calls = done.isEmpty() || !Boolean.TRUE.equals(before.canApprovePullRequestReviews()) ? List.of()
                : List.of(GitHubCalls.call("SetWorkflowPermissions", "PUT",
                        done.getFirst().parameters().get("Path").stringValue(),
                        Json.object().put("can_approve_pull_request_reviews", true)));
        return GitHubCalls.rollback(this, applied, "Allow workflows to approve pull requests again", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GitHubCalls.execute(this, call, session, ActionsWorkflowPermissions.CALLS);
    }
}
