package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.github.GitHubRepositoryConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubRepositoryWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubRepositoryWatcher watcher = new GitHubRepositoryWatcher();

    @Test
    void readsVisibilitySecurityFeaturesAndSecurityPolicyAcrossPages() {
        Map<String, GitHubRepositoryConfig> seen = configs(watcher);
        // 7 repositories, 5 a page: the listing followed its Link header
        assertThat(seen).containsOnlyKeys("/repos/acme-corp/web", "/repos/acme-corp/api", "/repos/acme-corp/docs",
                "/repos/acme-corp/legacy", "/repos/acme-corp/tools-fork", "/repos/acme-corp/.github",
                "/repos/acme-corp/empty");
        assertThat(server.requests()).anyMatch(r -> r.path().equals("/organizations/9001001/repos"));
        GitHubRepositoryConfig web = seen.get("/repos/acme-corp/web");
        assertThat(web.visibility()).isEqualTo("public");
        assertThat(web.defaultBranch()).isEqualTo("main");
        assertThat(web.securityAndAnalysis().secretScanning()).isEqualTo("enabled");
        assertThat(web.securityAndAnalysis().secretScanningPushProtection()).isEqualTo("enabled");
        assertThat(web.securityAndAnalysis().dependabotSecurityUpdates()).isEqualTo("enabled");
        assertThat(web.dependabotAlerts()).isTrue();
        assertThat(web.privateVulnerabilityReporting()).isTrue();
        assertThat(web.securityPolicy()).isEqualTo("SECURITY.md");
        assertThat(web.pushedAt()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));

        GitHubRepositoryConfig api = seen.get("/repos/acme-corp/api");
        assertThat(api.visibility()).isEqualTo("private");
        assertThat(api.securityAndAnalysis().secretScanning()).isEqualTo("disabled");
        assertThat(api.dependabotAlerts()).isFalse();
        assertThat(api.privateVulnerabilityReporting()).as("not asked for private repositories").isNull();
        assertThat(api.securityPolicy()).isEqualTo(".github/SECURITY.md");

        GitHubRepositoryConfig docs = seen.get("/repos/acme-corp/docs");
        assertThat(docs.securityPolicy()).as("the organisation's .github repository has one").isEqualTo("organization");
        assertThat(docs.privateVulnerabilityReporting()).isFalse();
        assertThat(seen.get("/repos/acme-corp/legacy").archived()).isTrue();
        assertThat(seen.get("/repos/acme-corp/tools-fork").fork()).isTrue();
        assertThat(seen.get("/repos/acme-corp/empty").securityPolicy()).isEqualTo("organization");
        assertThat(EphemeralPaths.of(GitHubRepositoryConfig.class).describe())
                .containsExactlyInAnyOrder("pushedAt", "updatedAt", "size", "stargazers", "openIssues");
    }

    @Test
    void withoutAnOrganizationPolicyARepositoryWithoutSecurityMdHasNoneAndUnofferedReportingIsNamed() {
        synchronized (org) {
            org.repos.get(".github").rootFiles.remove("SECURITY.md");
        }
        server.notOffered("/repos/acme-corp/docs/private-vulnerability-reporting");
        Map<String, GitHubRepositoryConfig> seen = configs(watcher);
        assertThat(seen.get("/repos/acme-corp/docs").securityPolicy()).isNull();
        assertThat(seen.get("/repos/acme-corp/docs").privateVulnerabilityReporting()).isNull();
        assertThat(seen.get("/repos/acme-corp/docs").notOffered()).containsExactly("private-vulnerability-reporting");
        assertThat(seen.get("/repos/acme-corp/web").securityPolicy()).isEqualTo("SECURITY.md");
    }
}
