package io.watchkeeper.watchers.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpBackendServiceConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendServiceWatcherTest extends GcpWatcherTestSupport {

    private final BackendServiceWatcher watcher = new BackendServiceWatcher();

    @Test
    void readsGlobalAndRegionalBackendServicesWithTheirLoggingFromPagedAggregatedLists() {
        Map<String, GcpBackendServiceConfig> services = configs(watcher);
        // a regional service is named <region>/<name>: the same name may be used globally
        assertThat(services).containsOnlyKeys("web-backend", "web-legacy", "europe-west1/web-legacy", "us-central1/db-ilb");
        GcpBackendServiceConfig web = services.get("web-backend");
        assertThat(web.region()).isNull();
        assertThat(web.id()).isEqualTo("800000000000000001");
        assertThat(web.loadBalancingScheme()).isEqualTo("EXTERNAL_MANAGED");
        assertThat(web.protocol()).isEqualTo("HTTPS");
        assertThat(web.loggingEnabled()).isTrue();
        assertThat(web.logSampleRate()).isEqualTo(1.0f);
        assertThat(web.securityPolicy()).isEqualTo("projects/cloud-custodian/global/securityPolicies/edge");
        assertThat(web.iapEnabled()).isTrue();
        assertThat(web.cdnEnabled()).isTrue();
        assertThat(web.backends()).containsExactly("projects/cloud-custodian/zones/europe-west1-b/networkEndpointGroups/web-neg",
                "projects/cloud-custodian/zones/us-central1-b/instanceGroups/web");
        assertThat(web.createTime()).isEqualTo(Instant.parse("2025-03-01T18:00:00Z"));
        GcpBackendServiceConfig legacy = services.get("web-legacy");
        assertThat(legacy.loggingEnabled()).isFalse();
        assertThat(legacy.logSampleRate()).isNull();
        assertThat(legacy.securityPolicy()).isNull();
        assertThat(legacy.iapEnabled()).isFalse();
        assertThat(legacy.cdnEnabled()).isFalse();
        GcpBackendServiceConfig internal = services.get("europe-west1/web-legacy");
        assertThat(internal.region()).isEqualTo("europe-west1");
        assertThat(internal.loggingEnabled()).isTrue();
        assertThat(internal.logSampleRate()).isEqualTo(0.0f);
        GcpBackendServiceConfig tcp = services.get("us-central1/db-ilb");
        assertThat(tcp.protocol()).isEqualTo("TCP");
        assertThat(tcp.loadBalancingScheme()).isEqualTo("INTERNAL");
        assertThat(tcp.loggingEnabled()).isFalse();
        assertThat(observe(watcher)).extracting(Observation::resourceId)
                .contains("//compute.googleapis.com/projects/cloud-custodian/global/backendServices/web-legacy",
                        "//compute.googleapis.com/projects/cloud-custodian/regions/europe-west1/backendServices/web-legacy");
        // only aggregated pages (three scopes, two a page: paged), never a call per region or per service
        assertThat(server.requests()).filteredOn(r -> r.path().contains("ackendServices"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/compute/v1/projects/cloud-custodian/aggregated/backendServices"));
    }

    @Test
    void aProjectWithoutLoadBalancersHasNone() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
    }
}
