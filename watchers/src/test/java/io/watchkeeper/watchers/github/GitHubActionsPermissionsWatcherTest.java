package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig.RunnerGroup;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubActionsPermissionsWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubActionsPermissionsWatcher watcher = new GitHubActionsPermissionsWatcher();

    @Test
    void readsOrganizationAndRepositorySettingsAndRunnerGroups() {
        Map<String, GitHubActionsPermissionsConfig> seen = configs(watcher);
        assertThat(seen).hasSize(8).containsKey("/orgs/acme-corp/actions/permissions");
        GitHubActionsPermissionsConfig org = seen.get("/orgs/acme-corp/actions/permissions");
        assertThat(org.enabled()).isEqualTo("all");
        assertThat(org.allowedActions()).isEqualTo("selected");
        assertThat(org.githubOwnedAllowed()).isTrue();
        assertThat(org.patternsAllowed()).containsExactly("acme-corp/*", "actions/*");
        assertThat(org.defaultWorkflowPermissions()).isEqualTo("read");
        assertThat(org.canApprovePullRequestReviews()).isFalse();
        assertThat(org.runnerGroups()).containsExactly(new RunnerGroup(1, "Default", "all", true, false, false, false),
                new RunnerGroup(2, "public-runners", "all", false, true, false, false));
        GitHubActionsPermissionsConfig web = seen.get("/repos/acme-corp/web/actions/permissions");
        assertThat(web.owner()).isEqualTo("repository");
        assertThat(web.enabled()).isEqualTo("true");
        assertThat(web.allowedActions()).isEqualTo("all");
        assertThat(web.defaultWorkflowPermissions()).isEqualTo("write");
        assertThat(web.canApprovePullRequestReviews()).isTrue();
        assertThat(web.runnerGroups()).isNull();
        GitHubActionsPermissionsConfig api = seen.get("/repos/acme-corp/api/actions/permissions");
        assertThat(api.allowedActions()).isEqualTo("selected");
        assertThat(api.verifiedAllowed()).isFalse();
        assertThat(api.patternsAllowed()).containsExactly("acme-corp/*");
    }

    @Test
    void unofferedRunnerGroupsAreNotApplicableAndAFailedRepositoryIsUnreadable() {
        server.notOffered("/orgs/acme-corp/actions/runner-groups");
        server.fail("^/repos/acme-corp/docs/actions/permissions$", 502, "Bad gateway");
        List<Observation<GitHubActionsPermissionsConfig>> all = observe(watcher);
        GitHubActionsPermissionsConfig org = all.stream().filter(o -> o instanceof Observation.Observed<?>)
                .map(o -> ((Observation.Observed<GitHubActionsPermissionsConfig>) o).config())
                .filter(c -> c.owner().equals("organization")).findFirst().orElseThrow();
        assertThat(org.runnerGroups()).isNull();
        assertThat(org.notOffered()).containsExactly("runner-groups");
        assertThat(all).filteredOn(o -> o instanceof Observation.Unreadable<?>).extracting(Observation::resourceId)
                .containsExactly("/repos/acme-corp/docs/actions/permissions");
    }
}
