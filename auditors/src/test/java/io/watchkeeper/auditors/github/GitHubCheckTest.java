package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubCheckTesting.CHECKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.github.GitHubCheck.Text;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.github.GitHubMemberConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubCheckTest {

    @Test
    void theSetHasAtLeastThirtyChecksOnEveryAuditedGitHubTypeAndTheRegistryListsThem() {
        List<String> ids = CHECKS.checks().stream().map(c -> c.id().id()).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates().allMatch(id -> id.startsWith("github."));
        assertThat(ids.stream().map(id -> id.substring(0, id.indexOf('/'))).distinct()).containsExactlyInAnyOrder(
                "github.organization", "github.member", "github.outside-collaborator", "github.deploy-key",
                "github.app-installation", "github.environment", "github.branch-protection", "github.repository",
                "github.actions-permissions", "github.webhook");
        assertThat(CheckRegistry.discover().all().stream().map(c -> c.id().id())).containsAll(ids);
    }

    @Test
    void namesComeFromTheIdAndStayUnique() {
        assertThat(CHECKS.get("github.branch-protection/force-push-allowed").name())
                .isEqualTo("GitHubBranchProtectionForcePushAllowed");
        assertThat(CHECKS.get("github.actions-permissions/default-token-write").name())
                .isEqualTo("GitHubActionsPermissionsDefaultTokenWrite");
        assertThat(CHECKS.checks().stream().map(Check::name)).doesNotHaveDuplicates();
    }

    @Test
    void aNullConfigIsNothingAndRepeatedKeysAreReportedOnce() {
        GitHubCheck<GitHubMemberConfig> twice = GitHubCheck.of("github.member/test-twice", GitHubMemberConfig.class,
                Severity.LOW, new Text("t", "r", "m"), List.of(), (m, c) -> List.of(
                        Evidence.of("a", "first", Exposure.INTERNAL), Evidence.of("b", "other", Exposure.INTERNAL),
                        Evidence.of("a", "second", Exposure.INTERNAL)));
        List<Evidence> found = twice.evaluate(new GitHubMemberConfig("x", 1, "member", null, false), new TestContext());
        assertThat(found).extracting(Evidence::key).containsExactly("a", "b");
        assertThat(found.getFirst().message()).isEqualTo("first");
        assertThat(twice.evaluate(null, new TestContext())).isEmpty();
    }

    @Test
    void everyControlIsACisGitHubOneTwoZeroRecommendation() {
        assertThat(CHECKS.checks()).flatExtracting(Check::controls).isNotEmpty()
                .allMatch(c -> c.matches("CIS-GitHub-1\\.2\\.0:\\d\\.\\d\\.\\d{1,2}"));
        assertThat(CHECKS.get("github.branch-protection/unprotected").controls())
                .as("an unprotected branch fails every branch control, with one finding")
                .contains("CIS-GitHub-1.2.0:1.1.20", "CIS-GitHub-1.2.0:1.1.3", "CIS-GitHub-1.2.0:1.1.16");
    }
}
