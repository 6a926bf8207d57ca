package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.github.GitHubAppInstallationConfig;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubAppInstallationWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubAppInstallationWatcher watcher = new GitHubAppInstallationWatcher();

    @Test
    void readsInstalledAppsWithPermissionsAndRepositorySelection() {
        Map<String, GitHubAppInstallationConfig> seen = configs(watcher);
        assertThat(seen).containsOnlyKeys("/orgs/acme-corp/installations/77", "/orgs/acme-corp/installations/78");
        GitHubAppInstallationConfig ci = seen.get("/orgs/acme-corp/installations/78");
        assertThat(ci.appSlug()).isEqualTo("ci-bot");
        assertThat(ci.repositorySelection()).isEqualTo("all");
        assertThat(ci.permissions()).containsEntry("contents", "write").containsEntry("administration", "write");
        assertThat(ci.suspended()).isFalse();
    }

    @Test
    void aRefusedListingFailsTheScope() {
        server.fail("/orgs/acme-corp/installations", 403, "Resource not accessible by integration");
        assertThatThrownBy(() -> observe(watcher)).isInstanceOf(WatchkeeperException.class).hasMessageContaining("403");
    }
}
