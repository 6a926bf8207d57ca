package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.github.GitHubAccess;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.secret.SecretKind;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqEtagCache;
import io.watchkeeper.db.JooqGitHubAccessStore;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.github.GitHubSessionFactory;
import io.watchkeeper.github.GitHubSettings;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.db.JooqItemReader;
import io.watchkeeper.db.JooqScopeLeases;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatchSettings;
import io.watchkeeper.watchers.WatcherRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A GitHub test server, a fresh database with the GitHub stores, and a session factory over them:
 * what GitHub watcher, session and pipeline tests share. Accounts are added with a token or as the
 * server's App installation.
 */
public final class GitHubFixture implements AutoCloseable {

    public final GitHubTestServer server = GitHubTestServer.start();
    public final TestDatabase db = TestDatabase.fresh();
    public final JooqAccountStore accounts = new JooqAccountStore(db.dsl());
    public final JooqGitHubAccessStore access = new JooqGitHubAccessStore(db.dsl());
    public final JooqEtagCache cache = new JooqEtagCache(db.dsl());
    public final InMemorySecrets secrets = new InMemorySecrets();
    public final GitHubSessionFactory factory;
    public final JooqItemReader items = new JooqItemReader(db.dsl());
    private WatchRunner runner;

    public GitHubFixture() {
        this(Clock.systemUTC(), settings());
    }

    public GitHubFixture(Clock clock, GitHubSettings settings) {
        factory = new GitHubSessionFactory(access, secrets, cache, settings, clock);
    }

    /** Quick settings for tests: short waits, few attempts. */
    public static GitHubSettings settings() {
        return new GitHubSettings(3, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ofDays(30), 100, Duration.ofHours(6));
    }

    /** An account on the test organisation reached with a personal access token. */
    public Account addTokenAccount(String name) {
        return addTokenAccount(name, GitHubTestOrg.LOGIN);
    }

    public Account addTokenAccount(String name, String organization) {
        Account account = accounts.add(new AccountSpec(Provider.GITHUB, name, organization, null, List.of(), Map.of(), false));
        access.put(account.id(), new GitHubAccess(GitHubAccess.Auth.TOKEN, null, null, server.endpoint(), null));
        secrets.store(account.id(), SecretKind.GITHUB_TOKEN, server.personalToken().getBytes(StandardCharsets.US_ASCII));
        return account;
    }

    /** An account on the test organisation reached as the server's GitHub App (installation found by organisation). */
    public Account addAppAccount(String name, Long installationId) {
        Account account = accounts.add(new AccountSpec(Provider.GITHUB, name, GitHubTestOrg.LOGIN, null, List.of(),
                Map.of(), false));
        access.put(account.id(), new GitHubAccess(GitHubAccess.Auth.APP, GitHubTestServer.APP_ID, installationId,
                server.endpoint(), null));
        secrets.store(account.id(), SecretKind.GITHUB_APP_KEY, server.appKeyPem());
        return account;
    }

    /** The real pipeline over this database with the GitHub session factory. */
    public synchronized WatchRunner runner() {
        if (runner == null) {
            runner = new WatchRunner(WatcherRegistry.discover(), List.of(factory), new JooqSnapshotStore(db.dsl()),
                    new JooqWatchRunStore(db.dsl()), new JooqScopeLeases(db.dsl()), WatchMetrics.NONE,
                    new WatchSettings(8, Duration.ofMinutes(5), Duration.ofSeconds(5), 1 << 20, "test-node"));
        }
        return runner;
    }

    /** Watches every GitHub type of {@code account}. */
    public RunSummary watch(Account account) {
        return runner().run(new WatchRequest(List.of(account), Set.of(), Set.of(), "manual", "test", true),
                WatchProgress.NONE);
    }

    @Override
    public void close() {
        factory.close();
        server.close();
    }
}
