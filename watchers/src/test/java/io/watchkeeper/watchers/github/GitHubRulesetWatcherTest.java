package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.github.GitHubRulesetConfig;
import io.watchkeeper.core.config.github.GitHubRulesetConfig.BypassActor;
import io.watchkeeper.watchers.testing.GitHubWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubRulesetWatcherTest extends GitHubWatcherTestSupport {

    private final GitHubRulesetWatcher watcher = new GitHubRulesetWatcher();

    @Test
    void readsOrganizationAndRepositoryRulesetsWithBypassActors() {
        Map<String, GitHubRulesetConfig> seen = configs(watcher);
        assertThat(seen).containsOnlyKeys("/orgs/acme-corp/rulesets/201", "/orgs/acme-corp/rulesets/202",
                "/repos/acme-corp/api/rulesets/101");
        GitHubRulesetConfig api = seen.get("/repos/acme-corp/api/rulesets/101");
        assertThat(api.sourceType()).isEqualTo("Repository");
        assertThat(api.enforcement()).isEqualTo("active");
        assertThat(api.refInclude()).containsExactly("~DEFAULT_BRANCH");
        assertThat(api.bypassActors()).containsExactly(new BypassActor("RepositoryRole", 5L, "always"));
        assertThat(api.rules()).extracting(r -> r.type()).containsExactly("deletion", "non_fast_forward", "pull_request");
        assertThat(api.rules().get(2).parameters()).containsEntry("required_approving_review_count", "1")
                .containsEntry("dismiss_stale_reviews_on_push", "true");
        GitHubRulesetConfig org = seen.get("/orgs/acme-corp/rulesets/201");
        assertThat(org.repositoryInclude()).containsExactly("api");
        assertThat(org.bypassActors()).containsExactly(new BypassActor("OrganizationAdmin", null, "always"));
        assertThat(seen.get("/orgs/acme-corp/rulesets/202").enforcement()).isEqualTo("evaluate");
    }

    @Test
    void noRulesetsWhereThePlanOffersNone() {
        server.notOffered("/rulesets");
        assertThat(configs(watcher)).isEmpty();
    }
}
