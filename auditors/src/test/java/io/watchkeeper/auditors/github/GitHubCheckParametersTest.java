package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubCheckTesting.CHECKS;
import static io.watchkeeper.auditors.github.GitHubCheckTesting.keys;
import static io.watchkeeper.auditors.github.GitHubCheckTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.github.GitHubMemberConfig;
import io.watchkeeper.core.finding.ParameterSpec;
import org.junit.jupiter.api.Test;

/** The thresholds of GitHub checks are parameters: a changed value changes the finding. */
class GitHubCheckParametersTest {

    private static final String APPROVALS = "github.branch-protection/too-few-approvals";
    private static final String OWNERS = "github.organization/too-many-owners";
    private static final String INACTIVE = "github.repository/inactive-not-archived";

    private static String branch(int approvals) {
        return ("{'repository':'web','branch':'main','classic':{'enforceAdmins':true},'effective':{'protectedBranch':true,"
                + "'pullRequestRequired':true,'requiredApprovingReviewCount':" + approvals + "}}");
    }

    @Test
    void theChecksDeclareTheirThresholdsWithTheOldValuesAsDefaults() {
        assertThat(CHECKS.get(APPROVALS).parameters()).extracting(ParameterSpec::name, ParameterSpec::defaultValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("min-approvals", 2L));
        assertThat(CHECKS.get(OWNERS).parameters()).extracting(ParameterSpec::name, ParameterSpec::defaultValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("max-owners", 3L));
        assertThat(CHECKS.get(INACTIVE).parameters()).extracting(ParameterSpec::name, ParameterSpec::defaultValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inactive-days", 180L));
    }

    @Test
    void aHigherMinimumOfApprovalsMakesTwoApprovalsTooFew() {
        assertThat(keys(APPROVALS, branch(2))).as("default minimum 2").isEmpty();
        TestContext three = new TestContext().withParameter(APPROVALS, "min-approvals", 3);
        var evidence = run(APPROVALS, branch(2), three);
        assertThat(evidence).extracting(e -> e.key()).containsExactly("approvals");
        assertThat(evidence.getFirst().message()).contains("fewer than 3 approvals");
        assertThat(evidence.getFirst().details().get("minApprovals").asLong()).isEqualTo(3);
        assertThat(keys(APPROVALS, branch(1), new TestContext().withParameter(APPROVALS, "min-approvals", 1)))
                .as("one approval is enough when the minimum is 1").isEmpty();
    }

    @Test
    void fewerOwnersAllowedMakesTwoOwnersTooMany() {
        TestContext two = new TestContext();
        two.with("github.member", "global", "o0", new GitHubMemberConfig("owner0", 0, "admin", false, false));
        two.with("github.member", "global", "o1", new GitHubMemberConfig("owner1", 1, "admin", false, false));
        String org = "{'login':'acme','id':1,'name':'Acme'}";
        assertThat(keys(OWNERS, org, two)).as("default: at most 3").isEmpty();
        two.withParameter(OWNERS, "max-owners", 1);
        var evidence = run(OWNERS, org, two);
        assertThat(evidence).extracting(e -> e.key()).containsExactly("owners");
        assertThat(evidence.getFirst().message()).contains("2 owners (at most 1 allowed)");
    }

    @Test
    void fewerInactiveDaysMakeARepositoryInactiveSooner() {
        // pushed 66 days before GitHubCheckTesting.NOW (2026-12-07)
        String repo = "{'name':'web','id':1,'visibility':'private','pushedAt':'2026-10-02T00:00:00Z'}";
        assertThat(keys(INACTIVE, repo)).as("default: 180 days").isEmpty();
        var evidence = run(INACTIVE, repo, new TestContext().withParameter(INACTIVE, "inactive-days", 60));
        assertThat(evidence).extracting(e -> e.key()).containsExactly("inactive");
        assertThat(evidence.getFirst().message()).contains("more than 60 days");
        assertThat(keys(INACTIVE, repo, new TestContext().withParameter(INACTIVE, "inactive-days", 90))).isEmpty();
    }

    @Test
    void aStoredValueOutsideTheRangeFallsBackToTheDefault() {
        assertThat(keys(APPROVALS, branch(1), new TestContext().withParameter(APPROVALS, "min-approvals", 0)))
                .as("0 is below the declared minimum 1: the default 2 applies").containsExactly("approvals");
    }
}
