package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.aws.AwsSettings;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for one AWS watcher's test: a clean moto, the product pointed at it, a session on the
 * moto account, and {@link #observe} to run the watcher on one scope.
 */
public abstract class AwsWatcherTestSupport {

    protected final Moto moto = Moto.get();
    protected final Account account = new Account(1, Provider.AWS, "test", Moto.ACCOUNT_ID, AccountAccess.NONE,
            List.of("us-east-1"), Map.of(), true, false);
    private AwsSessionFactory factory;
    protected AwsSession session;

    @BeforeEach
    void startSession() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        factory = new AwsSessionFactory(new AwsSettings(List.of(), "us-east-1", 10, 32, Duration.ofSeconds(30), 2),
                WatchMetrics.NONE);
        session = factory.open(account);
    }

    @AfterEach
    void closeSession() {
        session.close();
        factory.close();
        stubbed.forEach(System::clearProperty);
        stubbed.clear();
    }

    private final List<String> stubbed = new java.util.ArrayList<>();

    /**
     * Closes the session and opens a new one, as the next run would: answers a session shares
     * between types (the IAM credential report) are asked again.
     */
    protected void nextRun() {
        session.close();
        session = factory.open(account);
    }

    /**
     * Sends one service's requests to {@code stub} instead of moto, through the SDK's standard
     * {@code aws.endpointUrl<Service>} setting (e.g. {@code AccessAnalyzer}, {@code SecurityHub},
     * {@code Ec2}), until the test ends. Call it before the watcher first uses that service.
     */
    protected void serveFrom(String serviceId, WireStub stub) {
        String property = "aws.endpointUrl" + serviceId;
        System.setProperty(property, stub.endpoint());
        stubbed.add(property);
    }

    /** Runs {@code watcher} on {@code region} (ignored for global types). */
    protected <C extends Record> List<Observation<C>> observe(AwsWatcher<C> watcher, String region) {
        String scopeRegion = watcher.scopeKind() == ScopeKind.GLOBAL ? WatchScope.GLOBAL : region;
        return watcher.observe(new WatchScope(account, scopeRegion, watcher.type()), session);
    }

    /** The configs of the resources {@code watcher} read completely, by name. */
    protected <C extends Record> Map<String, C> configs(AwsWatcher<C> watcher, String region) {
        return observe(watcher, region).stream()
                .filter(o -> o instanceof Observation.Observed<C>)
                .map(o -> (Observation.Observed<C>) o)
                .collect(java.util.stream.Collectors.toMap(Observation.Observed::name, Observation.Observed::config));
    }
}
