package io.watchkeeper.watchers.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.gcp.GcpSessionFactory;
import io.watchkeeper.gcp.GcpSettings;
import io.watchkeeper.watchers.gcp.storage.BucketWatcher;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpTestServer;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-project cap on calls in flight holds while a watcher describes resources in parallel. */
class GcpCallCapTest {

    private final GcpTestServer server = GcpTestServer.withOrganisation();

    @AfterEach
    void stop() {
        server.close();
    }

    private int maxInFlightWithCap(int cap) {
        GcpSettings settings = new GcpSettings(URI.create(server.endpoint()), Map.of(), cap, 2, Duration.ofMillis(5),
                Duration.ofMillis(20), Duration.ofSeconds(30));
        try (GcpSessionFactory factory = new GcpSessionFactory(settings, WatchMetrics.NONE);
             GcpSession session = factory.open(GcpWatcherTestSupport.account(GcpTestOrg.PROJECT))) {
            server.latency(Duration.ofMillis(150));
            var buckets = new BucketWatcher().observe(new WatchScope(session.account(), WatchScope.GLOBAL,
                    ResourceType.of("gcp.storage.bucket")), session);
            assertThat(buckets).hasSize(4);
        }
        return server.maxInFlight();
    }

    @Test
    void aCapOfOneSendsOneCallAtATime() {
        assertThat(maxInFlightWithCap(1)).isEqualTo(1);
    }

    @Test
    void aWiderCapLetsTheSameWatchOverlap() {
        // the negative: four bucket policies are read in parallel when the cap allows it
        assertThat(maxInFlightWithCap(8)).isGreaterThan(1);
    }

    @Test
    void gaxDeadlinesLeaveRoomToWaitForTheProjectsCallPermit() {
        // regression (benchmark, 200 projects): gax's deadline (10-60 s by method) started before the transport's
        // permit was taken, so calls queued behind the per-project cap failed with DEADLINE_EXCEEDED
        try (GcpSessionFactory factory = new GcpSessionFactory(GcpWatcherTestSupport.settings(server), WatchMetrics.NONE);
             GcpSession session = factory.open(GcpWatcherTestSupport.account(GcpTestOrg.PROJECT))) {
            var kms = session.kms().getSettings().getIamPolicySettings().getRetrySettings();
            var run = session.runServices().getSettings().listServicesSettings().getRetrySettings();
            var keys = session.apiKeys().getSettings().listKeysSettings().getRetrySettings();
            for (var retry : java.util.List.of(kms, run, keys)) {
                assertThat(retry.getTotalTimeoutDuration()).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
                assertThat(retry.getInitialRpcTimeoutDuration()).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
                assertThat(retry.getMaxAttempts()).isEqualTo(1); // the transport is the one retry layer
            }
        }
    }
}
