package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.github.GitHubOutsideCollaboratorConfig;
import io.watchkeeper.core.config.github.RepositoryPermission;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubOutsideCollaboratorWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubOutsideCollaboratorWatcher watcher = new GitHubOutsideCollaboratorWatcher();

    @Test
    void readsCollaboratorsWithTheirPermissionsPerRepository() {
        Map<String, GitHubOutsideCollaboratorConfig> seen = configs(watcher);
        assertThat(seen).containsOnlyKeys("/orgs/acme-corp/outside_collaborators/eve",
                "/orgs/acme-corp/outside_collaborators/frank");
        GitHubOutsideCollaboratorConfig eve = seen.get("/orgs/acme-corp/outside_collaborators/eve");
        assertThat(eve.twoFactorDisabled()).isTrue();
        assertThat(eve.repositories()).containsExactly(new RepositoryPermission("web", "push", "write"));
        GitHubOutsideCollaboratorConfig frank = seen.get("/orgs/acme-corp/outside_collaborators/frank");
        assertThat(frank.twoFactorDisabled()).isFalse();
        assertThat(frank.repositories()).containsExactly(new RepositoryPermission("docs", "pull", "read"));
    }

    @Test
    void noCollaboratorsMeansNoRepositoryCallsAndARefusedRepositoryListingFailsTheScope() {
        synchronized (org) {
            org.outsideCollaborators.clear();
        }
        assertThat(configs(watcher)).isEmpty();
        assertThat(server.requests()).noneMatch(r -> r.path().endsWith("/collaborators"));
        synchronized (org) {
            org.outsideCollaborators.put("eve", org.user("eve"));
        }
        server.fail("/repos/acme-corp/docs/collaborators", 404, "Not Found");
        assertThatThrownBy(() -> observe(watcher)).isInstanceOf(WatchkeeperException.class).hasMessageContaining("docs");
    }
}
