package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig;
import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig.Effective;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubBranchProtectionWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubBranchProtectionWatcher watcher = new GitHubBranchProtectionWatcher();

    @Test
    void classicProtectionAsRecorded() {
        GitHubBranchProtectionConfig web = configs(watcher).get("/repos/acme-corp/web/branches/main/protection");
        assertThat(web.classic()).isNotNull();
        assertThat(web.classic().requiredApprovingReviewCount()).isEqualTo(2);
        assertThat(web.classic().dismissStaleReviews()).isTrue();
        assertThat(web.classic().requireCodeOwnerReviews()).isTrue();
        assertThat(web.classic().requiredStatusChecks()).containsExactly("test-status-check");
        assertThat(web.classic().enforceAdmins()).isTrue();
        assertThat(web.classic().allowForcePushes()).isTrue();
        Effective e = web.effective();
        assertThat(e.protectedBranch()).isTrue();
        assertThat(e.requiredApprovingReviewCount()).isEqualTo(2);
        assertThat(e.forcePushesBlocked()).isFalse();
        assertThat(e.deletionsBlocked()).isFalse();
        assertThat(e.adminsEnforced()).isTrue();
        assertThat(web.rules()).isEmpty();
    }

    @Test
    void aRulesetProtectingTheDefaultBranchCountsAsProtection() {
        Map<String, GitHubBranchProtectionConfig> seen = configs(watcher);
        GitHubBranchProtectionConfig api = seen.get("/repos/acme-corp/api/branches/main/protection");
        assertThat(api.classic()).isNull();
        assertThat(api.rules()).extracting(r -> r.type())
                .containsExactly("deletion", "non_fast_forward", "pull_request", "required_signatures");
        Effective e = api.effective();
        assertThat(e.protectedBranch()).isTrue();
        assertThat(e.pullRequestRequired()).isTrue();
        assertThat(e.requiredApprovingReviewCount()).isEqualTo(1);
        assertThat(e.dismissStaleReviews()).isTrue();
        assertThat(e.forcePushesBlocked()).isTrue();
        assertThat(e.deletionsBlocked()).isTrue();
        assertThat(e.signaturesRequired()).as("from the organisation's ruleset").isTrue();
        assertThat(e.rulesetIds()).containsExactly(101L, 201L);
        // empty repositories have no branch to protect
        assertThat(seen).doesNotContainKey("/repos/acme-corp/empty/branches/main/protection");
    }

    @Test
    void anUnprotectedBranchIsUnprotectedAndAnUnofferedOneIsNotApplicable() {
        server.notOffered("/repos/acme-corp/legacy/(branches/main/protection|rules/)");
        Map<String, GitHubBranchProtectionConfig> seen = configs(watcher);
        GitHubBranchProtectionConfig docs = seen.get("/repos/acme-corp/docs/branches/main/protection");
        assertThat(docs.classic()).isNull();
        assertThat(docs.rules()).isEmpty();
        assertThat(docs.effective().protectedBranch()).isFalse();
        assertThat(docs.notOffered()).isEmpty();
        GitHubBranchProtectionConfig legacy = seen.get("/repos/acme-corp/legacy/branches/main/protection");
        assertThat(legacy.notOffered()).isEqualTo(List.of("classic", "rulesets"));
        assertThat(legacy.archived()).isTrue();
    }

    @Test
    void theRulesOfAnUnprotectedBranchAreNotAskedAgainWhileTheBranchIsUnchanged() {
        String docsRules = "/repos/acme-corp/docs/rules/branches/main";
        configs(watcher);
        server.clearRequests();
        Map<String, GitHubBranchProtectionConfig> again = configs(watcher);
        List<String> asked = server.requests().stream().map(r -> r.path()).filter(p -> p.contains("/rules/branches/")).toList();
        assertThat(asked).as("protected branches: asked (conditionally)").contains("/repos/acme-corp/web/rules/branches/main",
                "/repos/acme-corp/api/rules/branches/main", "/repos/acme-corp/legacy/rules/branches/main");
        assertThat(asked).as("unprotected branches: GitHub's answer is remembered").doesNotContain(docsRules,
                "/repos/acme-corp/tools-fork/rules/branches/main", "/repos/acme-corp/.github/rules/branches/main");
        assertThat(again.get("/repos/acme-corp/docs/branches/main/protection").effective().protectedBranch()).isFalse();

        // an organisation ruleset now protects docs: its branch changes, so its rules are read again
        synchronized (org) {
            ((tools.jackson.databind.node.ArrayNode) org.orgRulesets.get(0).get("conditions").get("repository_name")
                    .get("include")).add("docs");
        }
        server.clearRequests();
        GitHubBranchProtectionConfig docs = configs(watcher).get("/repos/acme-corp/docs/branches/main/protection");
        assertThat(server.requests()).anyMatch(r -> r.path().equals(docsRules));
        assertThat(docs.effective().protectedBranch()).isTrue();
        assertThat(docs.rules()).extracting(r -> r.type()).containsExactly("required_signatures");
    }
}
