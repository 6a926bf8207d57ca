package io.watchkeeper.watchers.gcp.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpApiKeyConfig;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyWatcherTest extends GcpWatcherTestSupport {

    private final ApiKeyWatcher watcher = new ApiKeyWatcher();

    @Test
    void readsRestrictionsAndNeverAsksForTheKeyString() {
        Map<String, GcpApiKeyConfig> keys = configs(watcher);
        GcpApiKeyConfig maps = keys.get("maps");
        assertThat(maps.restrictions().applicationType()).isEqualTo("browser");
        assertThat(maps.restrictions().allowedReferrers()).containsExactly("https://www.custodian.com/*");
        assertThat(maps.restrictions().apiTargets()).extracting(GcpApiKeyConfig.ApiTarget::service)
                .containsExactly("maps-backend.googleapis.com");
        assertThat(server.requests()).noneMatch(r -> r.path().endsWith("/keyString"));
    }

    @Test
    void anUnrestrictedKeyHasNoRestrictions() {
        GcpApiKeyConfig legacy = configs(watcher).get("legacy");
        assertThat(legacy.restrictions().applicationType()).isEqualTo("none");
        assertThat(legacy.restrictions().apiTargets()).isEmpty();
        assertThat(legacy.createTime()).hasToString("2021-01-01T00:00:00Z");
    }
}
