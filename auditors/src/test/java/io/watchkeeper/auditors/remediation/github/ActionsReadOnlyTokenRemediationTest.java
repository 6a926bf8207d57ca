package io.watchkeeper.auditors.remediation.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.github.GitHubActionsPermissionsWatcher;
import io.watchkeeper.watchers.testing.GitHubTestOrg;
import org.junit.jupiter.api.Test;

class ActionsReadOnlyTokenRemediationTest extends GitHubRemediationTestSupport {

    static final String WEB = "/repos/" + GitHubTestOrg.LOGIN + "/web/actions/permissions";
    private static final String CHECK = "github.actions-permissions/default-token-write";
    private final ActionsReadOnlyTokenRemediation remediation = new ActionsReadOnlyTokenRemediation();
    private final GitHubActionsPermissionsWatcher watcher = new GitHubActionsPermissionsWatcher();

    @Test
    void setsTheTokenToReadKeepsTheOtherSettingAndRollsBack() {
        GitHubActionsPermissionsConfig before = config(watcher, WEB);
        RemediationPlan plan = remediation.plan(finding(CHECK, WEB, before), before);
        server.clearRequests();
        execute(remediation, plan);
        assertThat(writes()).containsExactly("PUT " + WEB + "/workflow {\"default_workflow_permissions\":\"read\"}");

        GitHubActionsPermissionsConfig after = config(watcher, WEB);
        assertThat(after.defaultWorkflowPermissions()).isEqualTo("read");
        assertThat(after.canApprovePullRequestReviews()).as("untouched").isTrue();
        assertThat(evaluate(CHECK, after, new TestContext())).as("verified").isEmpty();

        RemediationPlan rollback = remediation.rollback(plan, before);
        server.clearRequests();
        execute(remediation, rollback);
        assertThat(writes()).containsExactly("PUT " + WEB + "/workflow {\"default_workflow_permissions\":\"write\"}");
        assertThat(durableHash(config(watcher, WEB))).isEqualTo(durableHash(before));
    }

    @Test
    void aReadTokenNeedsNothingAndTheOrganisationIsPlannedOnItsOwnPath() {
        String org = "/orgs/" + GitHubTestOrg.LOGIN + "/actions/permissions";
        GitHubActionsPermissionsConfig orgConfig = config(watcher, org);
        assertThat(orgConfig.defaultWorkflowPermissions()).isEqualTo("read");
        GitHubActionsPermissionsConfig web = config(watcher, WEB);
        assertThat(remediation.plan(finding(CHECK, WEB, web), orgConfig.repository() == null
                ? new GitHubActionsPermissionsConfig(null, "web", "true", "all", null, null, null, null, "read", true, null, null)
                : orgConfig).calls()).isEmpty();
        GitHubActionsPermissionsConfig wideOrg = new GitHubActionsPermissionsConfig("organization", null, "all", "all", null,
                null, null, null, "write", false, null, null);
        RemediationPlan plan = remediation.plan(finding(CHECK, org, wideOrg), wideOrg);
        assertThat(plan.calls()).extracting(ApiCall::operation).containsExactly("SetWorkflowPermissions");
        assertThat(plan.calls().getFirst().parameters().get("Path").stringValue()).isEqualTo(org + "/workflow");
    }
}
