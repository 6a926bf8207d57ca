package io.watchkeeper.watchers.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.gcp.GcpSessionFactory;
import io.watchkeeper.gcp.GcpSettings;
import io.watchkeeper.watchers.gcp.compute.FirewallWatcher;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpTestServer;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one HTTP layer: per-service endpoints, call and throttle metrics by service. */
class GcpTransportTest {

    private final GcpTestServer server = GcpTestServer.withOrganisation();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Counts what the transport reports, by service. */
    private static final class Counting implements WatchMetrics {
        final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
        final Map<String, LongAdder> throttles = new ConcurrentHashMap<>();

        @Override
        public void apiCall(String service) {
            calls.computeIfAbsent(service, s -> new LongAdder()).increment();
        }

        @Override
        public void throttled(String service) {
            throttles.computeIfAbsent(service, s -> new LongAdder()).increment();
        }
    }

    @Test
    void perServiceEndpointsWinOverTheCommonOneAndCallsAreCountedByService() {
        Counting metrics = new Counting();
        URI loopback = URI.create(server.endpoint());
        // the common endpoint is dead: only the overridden services can answer
        GcpSettings settings = new GcpSettings(URI.create("http://127.0.0.1:9"),
                Map.of("compute", loopback, "cloudresourcemanager", loopback), 4, 3, Duration.ofMillis(5),
                Duration.ofMillis(20), Duration.ofSeconds(30));
        server.fail("GET", "/compute/v1/projects/cloud-custodian/global/firewalls", 429, 1);
        try (GcpSessionFactory factory = new GcpSessionFactory(settings, metrics);
             GcpSession session = factory.open(GcpWatcherTestSupport.account(GcpTestOrg.PROJECT))) {
            var rules = new FirewallWatcher().observe(new WatchScope(session.account(), WatchScope.GLOBAL,
                    ResourceType.of("gcp.compute.firewall")), session);
            assertThat(rules).hasSize(3);
        }
        assertThat(metrics.calls.get("cloudresourcemanager").sum()).isEqualTo(1);
        assertThat(metrics.calls.get("compute").sum()).isEqualTo(3); // one throttled attempt, then two pages
        assertThat(metrics.throttles.get("compute").sum()).isEqualTo(1);
        assertThat(metrics.throttles).doesNotContainKey("cloudresourcemanager");
    }
}
