package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.github.GitHubSession;
import io.watchkeeper.watchers.github.GitHubWatcher;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for one GitHub watcher's test: a fresh test server and database, an account on the test
 * organisation (token), and {@link #observe} to run the watcher on the organisation's scope with a
 * new session (so changes made to the server's state between calls are seen).
 */
public abstract class GitHubWatcherTestSupport {

    protected GitHubFixture github;
    protected GitHubTestServer server;
    protected GitHubTestOrg org;
    protected Account account;

    @BeforeEach
    void startGitHub() {
        github = new GitHubFixture();
        server = github.server;
        org = server.org();
        account = github.addTokenAccount("acme");
    }

    @AfterEach
    void stopGitHub() {
        github.close();
    }

    protected <C extends Record> List<Observation<C>> observe(GitHubWatcher<C> watcher) {
        try (GitHubSession session = github.factory.open(account)) {
            return watcher.observe(new WatchScope(account, WatchScope.GLOBAL, watcher.type()), session);
        }
    }

    /** The observations read completely, by resource id (and none unreadable). */
    protected <C extends Record> Map<String, Observation.Observed<C>> observed(GitHubWatcher<C> watcher) {
        List<Observation<C>> all = observe(watcher);
        Assertions.assertThat(all).as("unreadable: %s", all)
                .allMatch(o -> o instanceof Observation.Observed<C>);
        return all.stream().map(o -> (Observation.Observed<C>) o)
                .collect(Collectors.toMap(Observation.Observed::resourceId, o -> o));
    }

    /** The configs read completely, by resource id. */
    protected <C extends Record> Map<String, C> configs(GitHubWatcher<C> watcher) {
        return observed(watcher).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().config()));
    }
}
