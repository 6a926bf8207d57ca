package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.github.GitHubTeamConfig;
import io.watchkeeper.core.config.github.RepositoryPermission;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubTeamWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubTeamWatcher watcher = new GitHubTeamWatcher();

    @Test
    void readsPrivacyParentAndRepositoryPermissions() {
        Map<String, GitHubTeamConfig> seen = configs(watcher);
        assertThat(seen).containsOnlyKeys("/orgs/acme-corp/teams/platform", "/orgs/acme-corp/teams/platform-oncall",
                "/orgs/acme-corp/teams/security");
        GitHubTeamConfig platform = seen.get("/orgs/acme-corp/teams/platform");
        assertThat(platform.privacy()).isEqualTo("closed");
        assertThat(platform.parent()).isNull();
        assertThat(platform.repositories()).containsExactly(new RepositoryPermission("api", "push", "write"),
                new RepositoryPermission("web", "admin", "admin"));
        assertThat(seen.get("/orgs/acme-corp/teams/security").privacy()).isEqualTo("secret");
        assertThat(seen.get("/orgs/acme-corp/teams/platform-oncall").parent()).isEqualTo("platform");
    }

    @Test
    void aTeamWhoseRepositoriesCannotBeReadIsUnreadableAndTheOthersAreKept() {
        server.fail("/teams/security/repos", 500, "boom");
        List<Observation<GitHubTeamConfig>> all = observe(watcher);
        assertThat(all).hasSize(3);
        assertThat(all).filteredOn(o -> o instanceof Observation.Unreadable<GitHubTeamConfig>)
                .singleElement().satisfies(o -> {
                    assertThat(o.resourceId()).isEqualTo("/orgs/acme-corp/teams/security");
                    assertThat(((Observation.Unreadable<GitHubTeamConfig>) o).category()).isEqualTo(ErrorCategory.UNAVAILABLE);
                });
    }
}
