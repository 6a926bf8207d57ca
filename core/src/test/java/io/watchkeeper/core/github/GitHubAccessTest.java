package io.watchkeeper.core.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubAccessTest {

    @Test
    void endpointsAreHttpsOrLoopbackAndCarryNoCredentials() {
        assertThat(new GitHubAccess(GitHubAccess.Auth.TOKEN, null, null, null, null).endpoint())
                .isEqualTo("https://api.github.com");
        assertThat(new GitHubAccess(GitHubAccess.Auth.TOKEN, null, null, "https://ghes.example.com/api/v3/", null)
                .endpoint()).isEqualTo("https://ghes.example.com/api/v3");
        assertThat(new GitHubAccess(GitHubAccess.Auth.APP, 1L, null, "http://127.0.0.1:8089", null).endpoint())
                .isEqualTo("http://127.0.0.1:8089");
        for (String bad : List.of("http://ghes.example.com/api/v3", "ftp://x", "https://user:pw@ghes.example.com",
                "https://ghes.example.com/api?x=1", "not a url", "https://")) {
            assertThatThrownBy(() -> new GitHubAccess(GitHubAccess.Auth.TOKEN, null, null, bad, null)).as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void appsNeedTheirIdAndTokensTakeNoAppSettings() {
        assertThatThrownBy(() -> new GitHubAccess(GitHubAccess.Auth.APP, null, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--app-id");
        assertThatThrownBy(() -> new GitHubAccess(GitHubAccess.Auth.TOKEN, 5L, null, null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new GitHubAccess(GitHubAccess.Auth.APP, 5L, -1L, null, null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void organisationLoginsAreValidated() {
        assertThat(new AccountSpec(Provider.GITHUB, "acme", "acme-corp", null, List.of(), Map.of(), false).externalId())
                .isEqualTo("acme-corp");
        for (String bad : List.of("-acme", "acme-", "ac--me", "acme corp", "a/b", "x".repeat(40))) {
            assertThatThrownBy(() -> new AccountSpec(Provider.GITHUB, "acme", bad, null, List.of(), Map.of(), false))
                    .as(bad).isInstanceOf(InvalidInputException.class);
        }
    }
}
