package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubCheckTesting.CHECKS;
import static io.watchkeeper.auditors.github.GitHubCheckTesting.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.github.GitHubRulesetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class BranchProtectionChecksTest {

    /** A fully protected branch: two approvals, stale dismissal, code owners, checks, no force push or deletion... */
    private static final String STRONG = "'protectedBranch':true,'requiredApprovingReviewCount':2,'pullRequestRequired':true,"
            + "'dismissStaleReviews':true,'requireCodeOwnerReview':true,'requiredStatusChecks':['build'],"
            + "'forcePushesBlocked':true,'deletionsBlocked':true,'signaturesRequired':true,'linearHistoryRequired':true,"
            + "'adminsEnforced':true";
    private static final List<String> DETAIL_CHECKS = List.of("reviews-not-required", "too-few-approvals",
            "stale-reviews-not-dismissed", "code-owner-review-not-required", "status-checks-not-required",
            "force-push-allowed", "deletion-allowed", "signed-commits-not-required", "linear-history-not-required",
            "admins-exempt");

    private static String branch(String effective) {
        return branch(effective, "'classic':{'enforceAdmins':true}");
    }

    private static String branch(String effective, String more) {
        return "{'repository':'web','branch':'main'," + more + ",'effective':{" + effective + "}}";
    }

    private static List<String> keys(String check, String json) {
        return GitHubCheckTesting.keys("github.branch-protection/" + check, json);
    }

    @Test
    void aStronglyProtectedBranchPassesEveryCheck() {
        for (var check : CHECKS.checks()) {
            if (check.id().id().startsWith("github.branch-protection/")) {
                assertThat(GitHubCheckTesting.keys(check.id().id(), branch(STRONG))).as(check.id().id()).isEmpty();
            }
        }
    }

    @Test
    void anUnprotectedBranchIsOneFindingAndTheDetailChecksStaySilent() {
        String none = branch("'protectedBranch':false", "'rules':[]");
        assertThat(keys("unprotected", none)).containsExactly("unprotected");
        for (String detail : DETAIL_CHECKS) {
            assertThat(keys(detail, none)).as(detail).isEmpty();
        }
    }

    @Test
    void archivedAndNotOfferedAreExempt() {
        assertThat(keys("unprotected", branch("'protectedBranch':false", "'archived':true"))).isEmpty();
        assertThat(keys("unprotected", branch("'protectedBranch':false", "'notOffered':['classic','rulesets']")))
                .as("free plan, private repository: not applicable").isEmpty();
        assertThat(keys("unprotected", branch("'protectedBranch':false", "'notOffered':['classic']")))
                .as("rulesets are still offered").containsExactly("unprotected");
        assertThat(keys("force-push-allowed", branch("'protectedBranch':true", "'archived':true"))).isEmpty();
    }

    @Test
    void aRulesetCountsAsProtection() {
        String byRuleset = "{'repository':'web','branch':'main','rules':[{'type':'deletion','rulesetId':5}],"
                + "'effective':{" + STRONG.replace("'adminsEnforced':true", "'adminsEnforced':false") + ",'rulesetIds':[5]}}";
        assertThat(keys("unprotected", byRuleset)).isEmpty();
        assertThat(keys("admins-exempt", byRuleset)).as("no classic rule, a ruleset without bypass actors").isEmpty();
    }

    @Test
    void eachWeakeningIsItsOwnFinding() {
        assertThat(keys("reviews-not-required", branch(STRONG.replace("'pullRequestRequired':true", "'pullRequestRequired':false"))))
                .containsExactly("reviews");
        assertThat(keys("reviews-not-required", branch(STRONG.replace("'requiredApprovingReviewCount':2", "'requiredApprovingReviewCount':0"))))
                .containsExactly("reviews");
        String one = branch(STRONG.replace("'requiredApprovingReviewCount':2", "'requiredApprovingReviewCount':1"));
        assertThat(keys("too-few-approvals", one)).containsExactly("approvals");
        assertThat(keys("reviews-not-required", one)).isEmpty();
        assertThat(keys("too-few-approvals", branch(STRONG.replace("'requiredApprovingReviewCount':2", "'requiredApprovingReviewCount':0"))))
                .as("no reviews at all is the other finding").isEmpty();
        assertThat(keys("stale-reviews-not-dismissed", branch(STRONG.replace("'dismissStaleReviews':true", "'dismissStaleReviews':false"))))
                .containsExactly("stale-reviews");
        assertThat(keys("stale-reviews-not-dismissed", branch(STRONG.replace("'dismissStaleReviews':true", "'dismissStaleReviews':false")
                .replace("'pullRequestRequired':true", "'pullRequestRequired':false")))).as("no reviews: nothing to dismiss").isEmpty();
        assertThat(keys("code-owner-review-not-required", branch(STRONG.replace("'requireCodeOwnerReview':true", "'requireCodeOwnerReview':false"))))
                .containsExactly("code-owners");
        assertThat(keys("status-checks-not-required", branch(STRONG.replace("'requiredStatusChecks':['build']", "'requiredStatusChecks':[]"))))
                .containsExactly("status-checks");
        assertThat(keys("force-push-allowed", branch(STRONG.replace("'forcePushesBlocked':true", "'forcePushesBlocked':false"))))
                .containsExactly("force-push");
        assertThat(keys("deletion-allowed", branch(STRONG.replace("'deletionsBlocked':true", "'deletionsBlocked':false"))))
                .containsExactly("deletion");
        assertThat(keys("signed-commits-not-required", branch(STRONG.replace("'signaturesRequired':true", "'signaturesRequired':false"))))
                .containsExactly("signatures");
        assertThat(keys("linear-history-not-required", branch(STRONG.replace("'linearHistoryRequired':true", "'linearHistoryRequired':false"))))
                .containsExactly("linear-history");
    }

    @Test
    void adminsExemptFromClassicRulesOrThroughBypassActors() {
        assertThat(keys("admins-exempt", branch(STRONG, "'classic':{'enforceAdmins':false}")))
                .containsExactly("classic:enforce-admins");
        assertThat(keys("admins-exempt", branch(STRONG, "'classic':{'enforceAdmins':true,'bypassPullRequestAllowances':['User:al']}")))
                .containsExactly("classic:bypass-pull-request-allowances");
        String byRuleset = "{'repository':'web','branch':'main','effective':{" + STRONG + ",'rulesetIds':[5]}}";
        TestContext context = new TestContext()
                .with("github.ruleset", "global", "r5", ruleset(5, "{'actorType':'OrganizationAdmin','bypassMode':'always'}"))
                .with("github.ruleset", "global", "r6", ruleset(6, "{'actorType':'Team','actorId':9,'bypassMode':'always'}"));
        assertThat(GitHubCheckTesting.keys("github.branch-protection/admins-exempt", byRuleset, context))
                .as("ruleset 6 does not protect this branch").containsExactly("ruleset:5");
        TestContext prOnly = new TestContext()
                .with("github.ruleset", "global", "r5", ruleset(5, "{'actorType':'Team','actorId':9,'bypassMode':'pull_request'}"));
        assertThat(GitHubCheckTesting.keys("github.branch-protection/admins-exempt", byRuleset, prOnly))
                .as("bypass through pull requests only").isEmpty();
    }

    private static GitHubRulesetConfig ruleset(long id, String actor) {
        return GitHubCheckTesting.parse(GitHubRulesetConfig.class, "{'id':" + id + ",'name':'protect','enforcement':'active',"
                + "'bypassActors':[" + actor + "]}");
    }
}
