package io.watchkeeper.watchers.gcp.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpRunServiceConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class RunServiceWatcherTest extends GcpWatcherTestSupport {

    private final RunServiceWatcher watcher = new RunServiceWatcher();

    @Test
    void readsAPublicInvoker() {
        GcpRunServiceConfig hello = configs(watcher).get("hello");
        assertThat(hello.location()).isEqualTo("us-central1");
        assertThat(hello.ingress()).isEqualTo("INGRESS_TRAFFIC_ALL");
        assertThat(hello.serviceAccount()).isEqualTo("app@cloud-custodian.iam.gserviceaccount.com");
        assertThat(hello.policy().bindings()).singleElement().satisfies(b -> {
            assertThat(b.role()).isEqualTo("roles/run.invoker");
            assertThat(b.members()).containsExactly("allUsers");
        });
    }

    @Test
    void aProjectWithoutServicesHasNone() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
    }
}
