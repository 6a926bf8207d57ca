package io.watchkeeper.auditors.remediation.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.github.GitHubSession;
import io.watchkeeper.watchers.github.GitHubBranchProtectionWatcher;
import io.watchkeeper.watchers.testing.GitHubTestOrg;
import org.junit.jupiter.api.Test;

class BranchProtectionProtectRemediationTest extends GitHubRemediationTestSupport {

    private static final String DOCS = "/repos/" + GitHubTestOrg.LOGIN + "/docs/branches/main/protection";
    private static final String CHECK = "github.branch-protection/unprotected";
    private final BranchProtectionProtectRemediation remediation = new BranchProtectionProtectRemediation();
    private final GitHubBranchProtectionWatcher watcher = new GitHubBranchProtectionWatcher();

    @Test
    void protectsTheBranchWithTheBaselineVerifiesByRewatchAndRollsBackToTheStoredState() {
        GitHubBranchProtectionConfig before = config(watcher, DOCS);
        RemediationPlan plan = remediation.plan(finding(CHECK, DOCS, before), before);
        assertThat(plan.calls()).extracting(ApiCall::operation).containsExactly("UpdateBranchProtection");
        assertThat(plan.calls().getFirst().parameters().get("Path").stringValue()).isEqualTo(DOCS);

        server.clearRequests();
        execute(remediation, plan);
        assertThat(writes()).hasSize(1);
        assertThat(writes().getFirst()).startsWith("PUT " + DOCS + " ");
        assertThat(Json.parse(server.requests().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow().body()))
                .isEqualTo(BranchProtectionProtectRemediation.baseline());

        GitHubBranchProtectionConfig after = config(watcher, DOCS);
        assertThat(after.effective().protectedBranch()).isTrue();
        assertThat(after.effective().forcePushesBlocked()).isTrue();
        assertThat(after.effective().deletionsBlocked()).isTrue();
        assertThat(after.effective().requiredApprovingReviewCount()).isEqualTo(1);
        assertThat(after.effective().adminsEnforced()).isTrue();
        assertThat(evaluate(CHECK, after, new io.watchkeeper.auditors.testing.TestContext())).as("verified").isEmpty();
        assertThat(evaluate("github.branch-protection/force-push-allowed", after,
                new io.watchkeeper.auditors.testing.TestContext())).isEmpty();

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).extracting(ApiCall::operation).containsExactly("DeleteBranchProtection");
        server.clearRequests();
        execute(remediation, rollback);
        assertThat(writes()).containsExactly("DELETE " + DOCS);
        assertThat(durableHash(config(watcher, DOCS))).as("the stored state is back").isEqualTo(durableHash(before));
    }

    @Test
    void aProtectedBranchNeedsNothingAndOddFindingsAreRefused() {
        String web = "/repos/" + GitHubTestOrg.LOGIN + "/web/branches/main/protection";
        GitHubBranchProtectionConfig docs = config(watcher, DOCS);
        GitHubBranchProtectionConfig protectedWeb = config(watcher, web);
        assertThat(protectedWeb.effective().protectedBranch()).isTrue();
        var finding = finding(CHECK, DOCS, docs);
        assertThatThrownBy(() -> remediation.plan(finding, protectedWeb)).as("finding about docs, config of web")
                .isInstanceOf(InvalidInputException.class);
        var other = finding(CHECK, web.replace("/web/", "/docs/"), docs);
        assertThat(remediation.plan(other, new GitHubBranchProtectionConfig("docs", "main", false, null, java.util.List.of(),
                protectedWeb.effective(), java.util.List.of())).empty()).isTrue();
        var tampered = finding(CHECK, "/repos/evil/docs/branches/main/protection", docs);
        assertThatThrownBy(() -> remediation.plan(tampered, docs)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void executeRefusesCallsOutsideTheSessionsOrganisationOrWithOtherFields() {
        ApiCall otherOrg = new ApiCall("github", "UpdateBranchProtection", Json.object().put("Method", "PUT")
                .put("Path", "/repos/other-org/docs/branches/main/protection")
                .set("Body", BranchProtectionProtectRemediation.baseline()));
        ApiCall extraField = new ApiCall("github", "UpdateBranchProtection", Json.object().put("Method", "PUT")
                .put("Path", DOCS).set("Body", BranchProtectionProtectRemediation.baseline().put("lock_branch", true)));
        ApiCall wrongMethod = new ApiCall("github", "DeleteBranchProtection", Json.object().put("Method", "PUT").put("Path", DOCS));
        server.clearRequests();
        try (GitHubSession session = github.factory.open(account)) {
            CloudSession s = session;
            assertThatThrownBy(() -> remediation.execute(otherOrg, s)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("other-org");
            assertThatThrownBy(() -> remediation.execute(extraField, s)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> remediation.execute(wrongMethod, s)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(writes()).as("nothing was sent").isEmpty();
    }
}
