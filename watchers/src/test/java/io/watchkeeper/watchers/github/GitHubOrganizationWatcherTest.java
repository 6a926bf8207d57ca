package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.github.GitHubOrganizationConfig;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GitHubTestOrg;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubOrganizationWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubOrganizationWatcher watcher = new GitHubOrganizationWatcher();

    @Test
    void readsTwoFactorRequirementBasePermissionAndMemberPrivileges() {
        Map<String, GitHubOrganizationConfig> seen = configs(watcher);
        assertThat(seen).containsOnlyKeys("/orgs/acme-corp");
        GitHubOrganizationConfig c = seen.get("/orgs/acme-corp");
        assertThat(c.login()).isEqualTo(GitHubTestOrg.LOGIN);
        assertThat(c.id()).isEqualTo(GitHubTestOrg.ID);
        assertThat(c.plan()).isEqualTo("team");
        assertThat(c.twoFactorRequirementEnabled()).isFalse();
        assertThat(c.defaultRepositoryPermission()).isEqualTo("write");
        assertThat(c.membersCanCreatePublicRepositories()).isTrue();
        assertThat(c.membersCanCreateInternalRepositories()).isFalse();
        assertThat(c.membersCanDeleteRepositories()).isTrue();
        assertThat(c.membersCanChangeRepositoryVisibility()).isFalse();
        assertThat(c.membersCanForkPrivateRepositories()).isTrue();
        assertThat(c.verified()).isFalse();
        assertThat(c.samlSso()).isEqualTo("not-enabled");
        assertThat(c.notVisible()).isEmpty();
        assertThat(c.filledSeats()).isEqualTo(6);
        assertThat(Json.read(CanonicalJson.of(c).fullText(), GitHubOrganizationConfig.class)).isEqualTo(c);
        assertThat(EphemeralPaths.of(GitHubOrganizationConfig.class).describe())
                .containsExactlyInAnyOrder("updatedAt", "publicRepos", "totalPrivateRepos", "filledSeats");
    }

    @Test
    void settingsHiddenFromTheCredentialsAreNamedNotGuessedAndSamlIsSeenWhenOn() {
        synchronized (org) {
            org.org.remove("two_factor_requirement_enabled");
            org.org.remove("plan");
            org.org.put("two_factor_requirement_enabled", true).remove("members_can_fork_private_repositories");
            org.samlSso = true;
        }
        GitHubOrganizationConfig c = configs(watcher).get("/orgs/acme-corp");
        assertThat(c.twoFactorRequirementEnabled()).isTrue();
        assertThat(c.plan()).isNull();
        assertThat(c.membersCanForkPrivateRepositories()).isNull();
        assertThat(c.notVisible()).containsExactly("plan", "members_can_fork_private_repositories");
        assertThat(c.samlSso()).isEqualTo("enabled");
    }
}
