package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.github.GitHubEnvironmentConfig;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubEnvironmentWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubEnvironmentWatcher watcher = new GitHubEnvironmentWatcher();

    @Test
    void readsProtectionRules() {
        Map<String, GitHubEnvironmentConfig> seen = configs(watcher);
        assertThat(seen).containsOnlyKeys("/repos/acme-corp/web/environments/production",
                "/repos/acme-corp/web/environments/staging");
        GitHubEnvironmentConfig production = seen.get("/repos/acme-corp/web/environments/production");
        assertThat(production.requiredReviewers()).containsExactly("Team:platform");
        assertThat(production.preventSelfReview()).isTrue();
        assertThat(production.waitTimerMinutes()).isEqualTo(30);
        assertThat(production.protectedBranchesOnly()).isTrue();
        GitHubEnvironmentConfig staging = seen.get("/repos/acme-corp/web/environments/staging");
        assertThat(staging.requiredReviewers()).isEmpty();
        assertThat(staging.waitTimerMinutes()).isZero();
        assertThat(staging.protectedBranchesOnly()).isNull();
    }

    @Test
    void noEnvironmentsWhereThePlanOffersNone() {
        server.notOffered("/environments");
        assertThat(configs(watcher)).isEmpty();
    }
}
