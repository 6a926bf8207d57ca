package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.gcp.GcpSessionFactory;
import io.watchkeeper.gcp.GcpSettings;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for one GCP watcher's test: a fresh {@link GcpTestServer} with the synthetic organisation,
 * the product pointed at it with no credentials, a session on project {@value GcpTestOrg#PROJECT},
 * and {@link #observe} to run the watcher on it.
 */
public abstract class GcpWatcherTestSupport {

    protected GcpTestServer server;
    protected GcpSessionFactory factory;
    protected GcpSession session;

    @BeforeEach
    void startServer() {
        server = GcpTestServer.withOrganisation();
        factory = new GcpSessionFactory(settings(server), WatchMetrics.NONE);
        session = open(GcpTestOrg.PROJECT);
    }

    @AfterEach
    void stopServer() {
        session.close();
        factory.close();
        server.close();
    }

    /** Settings pointing every GCP API at {@code server}, with quick backoff for tests. */
    public static GcpSettings settings(GcpTestServer server) {
        return new GcpSettings(URI.create(server.endpoint()), Map.of(), 8, 3, Duration.ofMillis(5), Duration.ofMillis(50),
                Duration.ofSeconds(30));
    }

    /** A project account reached with no credentials. */
    public static Account account(String projectId) {
        return new Account(1, Provider.GCP, projectId, projectId, new AccountAccess(null, null, "none"), List.of(), Map.of(),
                true, false);
    }

    protected GcpSession open(String projectId) {
        return factory.open(account(projectId));
    }

    protected <C extends Record> List<Observation<C>> observe(GcpWatcher<C> watcher) {
        return observe(watcher, session);
    }

    protected static <C extends Record> List<Observation<C>> observe(GcpWatcher<C> watcher, GcpSession on) {
        return watcher.observe(new WatchScope(on.account(), WatchScope.GLOBAL, watcher.type()), on);
    }

    /** The configs of the resources {@code watcher} read completely, by name. */
    protected <C extends Record> Map<String, C> configs(GcpWatcher<C> watcher) {
        return configs(watcher, session);
    }

    protected static <C extends Record> Map<String, C> configs(GcpWatcher<C> watcher, GcpSession on) {
        return observe(watcher, on).stream()
                .filter(o -> o instanceof Observation.Observed<C>)
                .map(o -> (Observation.Observed<C>) o)
                .collect(Collectors.toMap(Observation.Observed::name, Observation.Observed::config));
    }

    /** The observations of {@code watcher}, by name. */
    protected <C extends Record> Map<String, Observation<C>> byName(GcpWatcher<C> watcher) {
        return observe(watcher).stream().collect(Collectors.toMap(o -> switch (o) {
            case Observation.Observed<C> ok -> ok.name();
            case Observation.Unreadable<C> u -> u.name();
        }, o -> o));
    }
}
