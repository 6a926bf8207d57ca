package io.watchkeeper.auditors.remediation.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
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

    /** An organisation without rulesets: protection is classic. */
    private void withoutOrganizationRulesets() {
        synchronized (server.org()) {
            server.org().orgRulesets.clear();
        }
    }

    @Test
    void protectsTheBranchWithTheBaselineVerifiesByRewatchAndRollsBackToTheStoredState() {
        withoutOrganizationRulesets();
        GitHubBranchProtectionConfig before = config(watcher, DOCS);
        assertThat(before.organizationRulesets()).isNull();
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
                protectedWeb.effective(), java.util.List.of(), null)).empty()).isTrue();
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

    @Test
    void aWriteGitHubRefusesFailsWithItsAnswerAndChangesNothing() {
        withoutOrganizationRulesets();
        GitHubBranchProtectionConfig before = config(watcher, DOCS);
        RemediationPlan plan = remediation.plan(finding(CHECK, DOCS, before), before);
        server.fail("^" + java.util.regex.Pattern.quote(DOCS) + "$", 403, "Resource not accessible by integration");
        assertThatThrownBy(() -> execute(remediation, plan)).isInstanceOf(WatchkeeperException.class)
                .hasMessageContaining("UpdateBranchProtection").hasMessageContaining("Resource not accessible by integration")
                .satisfies(e -> assertThat(((WatchkeeperException) e).category()).isEqualTo(ErrorCategory.DENIED));
        server.clearFaults();
        assertThat(config(watcher, DOCS).effective().protectedBranch()).isFalse();
    }

    @Test
    void anOrganisationWithRulesetsGetsARepositoryRulesetVerifiedByRewatchAndDeletedOnRollback() {
        GitHubBranchProtectionConfig before = config(watcher, DOCS);
        assertThat(before.organizationRulesets()).as("acme-corp has organisation rulesets").isTrue();
        RemediationPlan plan = remediation.plan(finding(CHECK, DOCS, before), before);
        String rulesets = "/repos/" + GitHubTestOrg.LOGIN + "/docs/rulesets";
        assertThat(plan.calls()).extracting(ApiCall::operation).containsExactly("CreateRepositoryRuleset");
        assertThat(plan.calls().getFirst().parameters().get("Method").stringValue()).isEqualTo("POST");
        assertThat(plan.calls().getFirst().parameters().get("Path").stringValue()).isEqualTo(rulesets);

        server.clearRequests();
        execute(remediation, plan);
        assertThat(writes()).singleElement().satisfies(w -> assertThat(w).startsWith("POST " + rulesets + " "));
        assertThat(Json.parse(server.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow()
                .body())).isEqualTo(BranchProtectionProtectRemediation.rulesetBaseline());

        GitHubBranchProtectionConfig after = config(watcher, DOCS);
        assertThat(after.classic()).as("no classic protection was written").isNull();
        assertThat(after.effective().protectedBranch()).isTrue();
        assertThat(after.effective().forcePushesBlocked()).isTrue();
        assertThat(after.effective().deletionsBlocked()).isTrue();
        assertThat(after.effective().requiredApprovingReviewCount()).isEqualTo(1);
        assertThat(after.effective().dismissStaleReviews()).isTrue();
        assertThat(evaluate(CHECK, after, new io.watchkeeper.auditors.testing.TestContext())).as("verified").isEmpty();

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).extracting(ApiCall::operation).containsExactly("DeleteRepositoryRuleset");
        server.clearRequests();
        execute(remediation, rollback);
        assertThat(writes()).singleElement().satisfies(w -> assertThat(w).matches("DELETE " + rulesets + "/\\d+"));
        assertThat(durableHash(config(watcher, DOCS))).as("the stored state is back").isEqualTo(durableHash(before));

        server.clearRequests();
        assertThatThrownBy(() -> execute(remediation, rollback)).as("rolled back already: nothing of that name")
                .isInstanceOf(WatchkeeperException.class).hasMessageContaining("no ruleset named");
        assertThat(writes()).as("nothing was deleted").isEmpty();
    }

    @Test
    void rulesetsAreChosenOnlyWhereTheyAreUsedOrTheOnlyWayAndTheDeletionIsBoundToItsName() {
        withoutOrganizationRulesets();
        GitHubBranchProtectionConfig docs = config(watcher, DOCS);
        assertThat(BranchProtectionProtectRemediation.withRuleset(docs)).isFalse();
        GitHubBranchProtectionConfig classicOnlyOffered = new GitHubBranchProtectionConfig("docs", "main", false, null,
                java.util.List.of(), docs.effective(), java.util.List.of("classic"), null);
        assertThat(remediation.plan(finding(CHECK, DOCS, classicOnlyOffered), classicOnlyOffered).calls())
                .extracting(ApiCall::operation).as("classic not offered: a ruleset").containsExactly("CreateRepositoryRuleset");
        GitHubBranchProtectionConfig neither = new GitHubBranchProtectionConfig("docs", "main", false, null,
                java.util.List.of(), docs.effective(), java.util.List.of("classic", "rulesets"), null);
        assertThatThrownBy(() -> remediation.plan(finding(CHECK, DOCS, docs), neither))
                .isInstanceOf(InvalidInputException.class);

        String rulesets = "/repos/" + GitHubTestOrg.LOGIN + "/docs/rulesets";
        ApiCall otherName = new ApiCall("github", "DeleteRepositoryRuleset", Json.object().put("Method", "DELETE")
                .put("Path", rulesets).put("Name", "release-protection"));
        ApiCall otherOrg = new ApiCall("github", "DeleteRepositoryRuleset", Json.object().put("Method", "DELETE")
                .put("Path", "/repos/other-org/docs/rulesets").put("Name", BranchProtectionProtectRemediation.RULESET_NAME));
        ApiCall extraBody = new ApiCall("github", "CreateRepositoryRuleset", Json.object().put("Method", "POST")
                .put("Path", rulesets).set("Body", BranchProtectionProtectRemediation.rulesetBaseline().put("source", "x")));
        server.clearRequests();
        try (GitHubSession session = github.factory.open(account)) {
            CloudSession s = session;
            assertThatThrownBy(() -> remediation.execute(otherName, s)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> remediation.execute(otherOrg, s)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("other-org");
            assertThatThrownBy(() -> remediation.execute(extraBody, s)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(writes()).as("nothing was sent").isEmpty();
    }
}
