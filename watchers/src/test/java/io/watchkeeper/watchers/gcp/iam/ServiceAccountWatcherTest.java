package io.watchkeeper.watchers.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceAccountWatcherTest extends GcpWatcherTestSupport {

    private final ServiceAccountWatcher watcher = new ServiceAccountWatcher();
    private static final String SCC = "test-cutodian-scc@cloud-custodian.iam.gserviceaccount.com";
    private static final String APP = "app@cloud-custodian.iam.gserviceaccount.com";

    @Test
    void keepsUserManagedKeysOnlyAndReadsTheAccountsPolicy() {
        Map<String, GcpServiceAccountConfig> accounts = configs(watcher);
        assertThat(accounts).containsOnlyKeys(SCC, APP);
        assertThat(accounts.get(SCC).keys()).singleElement().satisfies(k -> {
            assertThat(k.keyId()).isEqualTo("2");
            assertThat(k.keyType()).isEqualTo("USER_MANAGED");
            assertThat(k.validAfterTime()).isEqualTo(Instant.parse("2021-03-31T13:27:15Z"));
            assertThat(k.validBeforeTime()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        });
        assertThat(accounts.get(APP).policy().bindings()).singleElement().satisfies(b -> {
            assertThat(b.role()).isEqualTo("roles/iam.serviceAccountTokenCreator");
            assertThat(b.members()).containsExactly("user:dev@custodian.com");
        });
        assertThat(server.requests()).filteredOn(r -> r.path().endsWith("/keys"))
                .allSatisfy(r -> assertThat(r.query()).contains("keyTypes=USER_MANAGED"));
    }

    @Test
    void anAccountWithoutKeysHasNoneAndOneUnreadableAccountLeavesTheOthers() {
        assertThat(configs(watcher).get(APP).keys()).isEmpty();
        server.fail("GET", ".*/" + SCC.replace(".", "\\.") + "/keys", 500, 10);
        Map<String, Observation<GcpServiceAccountConfig>> seen = byName(watcher);
        assertThat(seen.get(SCC)).isInstanceOf(Observation.Unreadable.class);
        assertThat(seen.get(APP)).isInstanceOf(Observation.Observed.class);
    }
}
