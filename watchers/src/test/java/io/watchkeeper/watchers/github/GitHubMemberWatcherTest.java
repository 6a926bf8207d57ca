package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.github.GitHubMemberConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubMemberWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubMemberWatcher watcher = new GitHubMemberWatcher();

    @Test
    void readsEveryMemberWithRoleAndTwoFactorStatusFromThreeListings() {
        Map<String, GitHubMemberConfig> seen = configs(watcher);
        assertThat(seen).containsOnlyKeys("/orgs/acme-corp/members/alice", "/orgs/acme-corp/members/bob",
                "/orgs/acme-corp/members/carol", "/orgs/acme-corp/members/dave");
        assertThat(seen.get("/orgs/acme-corp/members/alice").role()).isEqualTo("admin");
        assertThat(seen.get("/orgs/acme-corp/members/alice").twoFactorDisabled()).isFalse();
        assertThat(seen.get("/orgs/acme-corp/members/bob").role()).isEqualTo("member");
        assertThat(seen.get("/orgs/acme-corp/members/bob").twoFactorDisabled()).isTrue();
        assertThat(seen.get("/orgs/acme-corp/members/dave").role()).isEqualTo("admin");
        assertThat(seen.get("/orgs/acme-corp/members/dave").twoFactorDisabled()).isTrue();
        // never one call per member: the two role listings and the 2fa_disabled listing
        assertThat(server.requests()).filteredOn(r -> r.path().startsWith("/orgs/acme-corp/members"))
                .extracting(r -> r.query()).hasSize(3).allMatch(q -> q.contains("role=") || q.contains("filter=2fa_disabled"));
    }

    @Test
    void twoFactorStatusIsUnknownNotFalseWhenTheFilterIsNotVisible() {
        server.fail("filter=2fa_disabled", 403, "Must be an organization owner");
        Map<String, GitHubMemberConfig> seen = configs(watcher);
        assertThat(seen).hasSize(4);
        assertThat(seen.values()).allMatch(m -> m.twoFactorDisabled() == null);
    }

    @Test
    void aRefusedRoleListingFailsTheScope() {
        server.fail("/members\\?.*role=member", 403, "Resource not accessible by integration");
        assertThatThrownBy(() -> observe(watcher)).isInstanceOfSatisfying(WatchkeeperException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.DENIED))
                .hasMessageContaining("403").hasMessageContaining("Resource not accessible by integration");
    }
}
