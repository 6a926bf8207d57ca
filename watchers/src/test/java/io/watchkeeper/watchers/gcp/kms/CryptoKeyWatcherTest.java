package io.watchkeeper.watchers.gcp.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpKmsCryptoKeyConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
