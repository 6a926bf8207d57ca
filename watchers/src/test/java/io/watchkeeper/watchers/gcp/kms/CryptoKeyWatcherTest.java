package io.watchkeeper.watchers.gcp.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.gcp.GcpKmsCryptoKeyConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.WatchkeeperException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CryptoKeyWatcherTest extends GcpWatcherTestSupport {

    private final CryptoKeyWatcher watcher = new CryptoKeyWatcher();

    @Test
    void readsRotationAndTheKeyRingsPolicyAcrossLocationsAndRings() {
        Map<String, GcpKmsCryptoKeyConfig> keys = configs(watcher);
        assertThat(keys).containsOnlyKeys("c7n-kr-002c1dda/c7n-key-bad-365d-002c1dda", "c7n-kr-002c1dda/c7n-key-bad-norot-002c1dda",
                "c7n-kr-002c1dda/c7n-key-good-30d-002c1dda", "c7n-kr-002c1dda/c7n-key-good-90d-002c1dda",
                "custodian-test-keyring/shared");
        assertThat(keys.get("c7n-kr-002c1dda/c7n-key-bad-365d-002c1dda").rotationPeriodSeconds()).isEqualTo(31536000L);
        assertThat(keys.get("c7n-kr-002c1dda/c7n-key-good-90d-002c1dda").rotationPeriodSeconds()).isEqualTo(7776000L);
        GcpKmsCryptoKeyConfig shared = keys.get("custodian-test-keyring/shared");
        assertThat(shared.location()).isEqualTo("us-central1");
        assertThat(shared.protectionLevel()).isEqualTo("HSM");
        assertThat(shared.primaryVersion()).isEqualTo("3");
        assertThat(shared.keyRingPolicy().bindings()).anySatisfy(b -> assertThat(b.members()).contains("allAuthenticatedUsers"));
        assertThat(EphemeralPaths.of(GcpKmsCryptoKeyConfig.class).describe()).contains("nextRotationTime", "primaryVersion");
    }

    @Test
    void aKeyWithoutRotationSaysSoAndItsPolicyIsEmpty() {
        GcpKmsCryptoKeyConfig norot = configs(watcher).get("c7n-kr-002c1dda/c7n-key-bad-norot-002c1dda");
        assertThat(norot.rotationPeriodSeconds()).isNull();
        assertThat(norot.nextRotationTime()).isNull();
        assertThat(norot.policy().bindings()).isEmpty();
        assertThat(norot.keyRingPolicy().bindings()).isEmpty();
    }

    /** Project wk-dev with eight KMS locations, none holding a key ring (as most of Google's ~40 are for a project). */
    private io.watchkeeper.gcp.GcpSession devWithEmptyLocations() {
        for (int i = 0; i < 8; i++) {
            String id = "extra-" + i;
            server.put("/v1/projects/wk-dev/locations", id, (ObjectNode) Json.parse(
                    "{\"name\": \"projects/wk-dev/locations/" + id + "\", \"locationId\": \"" + id + "\"}"));
            server.collection("/v1/projects/wk-dev/locations/" + id + "/keyRings", "keyRings");
        }
        server.collection("/v1/projects/wk-dev/locations/global/keyRings", "keyRings");
        return open("wk-dev");
    }

    @Test
    void keyRingsOfTheLocationsAreListedInParallelWithinTheProjectsCap() {
        // regression (benchmark): the ~40 locations were listed one after another, the slowest GCP scope
        try (var dev = devWithEmptyLocations()) {
            server.latency(Duration.ofMillis(100));
            assertThat(observe(watcher, dev)).isEmpty();
            // only listings here (no key to describe): more than one in flight means the locations overlapped
            assertThat(server.maxInFlight()).isGreaterThan(2).isLessThanOrEqualTo(8); // the test settings' per-project cap
        }
    }

    @Test
    void aFailingLocationListingStillFailsTheScope() {
        try (var dev = devWithEmptyLocations()) {
            server.fail("GET", "/v1/projects/wk-dev/locations/extra-3/keyRings", 403, 10);
            assertThatThrownBy(() -> observe(watcher, dev)).isInstanceOf(WatchkeeperException.class);
        }
    }

    @Test
    void keyRingsAndKeysAreListedWithTheLargestPageKmsAllows() {
        // regression (benchmark): no page size was sent, so the server's default page decided the number of calls
        configs(watcher);
        assertThat(server.requests()).filteredOn(r -> r.path().endsWith("/keyRings") || r.path().endsWith("/cryptoKeys"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.query()).contains("pageSize=1000"));
    }
}
