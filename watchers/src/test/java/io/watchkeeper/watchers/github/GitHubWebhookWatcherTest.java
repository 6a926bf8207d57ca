package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.github.GitHubWebhookConfig;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubWebhookWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubWebhookWatcher watcher = new GitHubWebhookWatcher();

    @Test
    void readsSchemeTlsVerificationAndWhetherASecretIsSetButNeverTheUrlsSecrets() {
        Map<String, GitHubWebhookConfig> seen = configs(watcher);
        assertThat(seen).hasSize(3);
        GitHubWebhookConfig web = seen.get("/repos/acme-corp/web/hooks/319833951");
        assertThat(web.owner()).isEqualTo("repository");
        assertThat(web.repository()).isEqualTo("web");
        assertThat(web.urlScheme()).isEqualTo("http");
        assertThat(web.urlHost()).isEqualTo("www.google.com");
        assertThat(web.insecureSsl()).isFalse();
        assertThat(web.secretSet()).isFalse();
        assertThat(web.events()).containsExactly("push");
        assertThat(web.lastResponseCode()).isEqualTo(413);
        GitHubWebhookConfig api = seen.values().stream().filter(h -> "api".equals(h.repository())).findFirst().orElseThrow();
        assertThat(api.urlScheme()).isEqualTo("https");
        assertThat(api.insecureSsl()).isTrue();
        assertThat(api.secretSet()).isTrue();
        GitHubWebhookConfig org = seen.values().stream().filter(h -> h.owner().equals("organization")).findFirst().orElseThrow();
        assertThat(org.urlHost()).isEqualTo("hooks.example.com");
        assertThat(org.events()).containsExactly("pull_request", "push");
        // the URL's path and query (which hold secrets) are only hashed
        String stored = seen.values().stream().map(h -> CanonicalJson.of(h).fullText()).reduce("", String::concat);
        assertThat(stored).doesNotContain("abc123").doesNotContain("secretpath").doesNotContain("********");
        assertThat(api.urlPathHash()).hasSize(16).isNotEqualTo(org.urlPathHash());
    }

    @Test
    void aRepositoryWhoseHooksCannotBeListedFailsTheScope() {
        server.fail("/repos/acme-corp/api/hooks", 403, "Resource not accessible by integration");
        assertThatThrownBy(() -> observe(watcher)).isInstanceOf(WatchkeeperException.class).hasMessageContaining("hooks");
    }
}
