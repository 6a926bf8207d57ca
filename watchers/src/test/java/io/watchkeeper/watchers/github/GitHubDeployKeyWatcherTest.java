package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.github.GitHubDeployKeyConfig;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubDeployKeyWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubDeployKeyWatcher watcher = new GitHubDeployKeyWatcher();

    @Test
    void readsWriteAndReadOnlyKeysAsRecorded() {
        Map<String, GitHubDeployKeyConfig> seen = configs(watcher);
        assertThat(seen).containsOnlyKeys("/repos/acme-corp/web/keys/76924278", "/repos/acme-corp/web/keys/77542797",
                "/repos/acme-corp/api/keys/31");
        GitHubDeployKeyConfig write = seen.values().stream().filter(k -> !k.readOnly()).findFirst().orElseThrow();
        assertThat(write.repository()).isEqualTo("web");
        assertThat(write.fingerprint()).startsWith("SHA256:");
        assertThat(seen.get("/repos/acme-corp/api/keys/31").readOnly()).isTrue();
        assertThat(seen.values().stream().filter(k -> k.readOnly() && k.repository().equals("web")).findFirst()
                .orElseThrow().lastUsed()).isNotNull();
    }

    @Test
    void repositoriesWithoutKeysGiveNothing() {
        synchronized (org) {
            org.repos.values().forEach(r -> r.keys.clear());
        }
        assertThat(configs(watcher)).isEmpty();
        assertThat(GitHubDeployKeyWatcher.fingerprint("not a key")).isNull();
    }
}
