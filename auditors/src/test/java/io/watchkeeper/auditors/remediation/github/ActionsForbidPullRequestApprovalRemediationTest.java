package io.watchkeeper.auditors.remediation.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.github.GitHubActionsPermissionsWatcher;
import io.watchkeeper.watchers.testing.GitHubTestOrg;
import org.junit.jupiter.api.Test;

class ActionsForbidPullRequestApprovalRemediationTest extends GitHubRemediationTestSupport {

    private static final String WEB = ActionsReadOnlyTokenRemediationTest.WEB;
    private static final String CHECK = "github.actions-permissions/can-approve-pull-requests";
    private final ActionsForbidPullRequestApprovalRemediation remediation = new ActionsForbidPullRequestApprovalRemediation();
    private final GitHubActionsPermissionsWatcher watcher = new GitHubActionsPermissionsWatcher();

    @Test
    void stopsWorkflowsFromApprovingAndRollsBack() {
        GitHubActionsPermissionsConfig before = config(watcher, WEB);
        RemediationPlan plan = remediation.plan(finding(CHECK, WEB, before), before);
        server.clearRequests();
        execute(remediation, plan);
        assertThat(writes()).containsExactly("PUT " + WEB + "/workflow {\"can_approve_pull_request_reviews\":false}");
        GitHubActionsPermissionsConfig after = config(watcher, WEB);
        assertThat(after.canApprovePullRequestReviews()).isFalse();
        assertThat(after.defaultWorkflowPermissions()).as("untouched").isEqualTo("write");
        assertThat(evaluate(CHECK, after, new TestContext())).as("verified").isEmpty();

        server.clearRequests();
        execute(remediation, remediation.rollback(plan, before));
        assertThat(writes()).containsExactly("PUT " + WEB + "/workflow {\"can_approve_pull_request_reviews\":true}");
        assertThat(durableHash(config(watcher, WEB))).isEqualTo(durableHash(before));
    }

    @Test
    void aFindingOfAnotherRepositoryIsRefused() {
        GitHubActionsPermissionsConfig before = config(watcher, WEB);
        var finding = finding(CHECK, "/repos/" + GitHubTestOrg.LOGIN + "/api/actions/permissions", before);
        assertThatThrownBy(() -> remediation.plan(finding, before)).isInstanceOf(InvalidInputException.class);
    }
}
