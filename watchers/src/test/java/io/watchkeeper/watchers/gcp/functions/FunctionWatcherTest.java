package io.watchkeeper.watchers.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpFunctionConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class FunctionWatcherTest extends GcpWatcherTestSupport {

    private final FunctionWatcher watcher = new FunctionWatcher();

    @Test
    void readsAPrivateInvokerPolicy() {
        GcpFunctionConfig f = configs(watcher).get("thumbnail");
        assertThat(f.location()).isEqualTo("europe-west1");
        assertThat(f.environment()).isEqualTo("GEN_2");
        assertThat(f.runtime()).isEqualTo("python312");
        assertThat(f.ingressSettings()).isEqualTo("ALLOW_INTERNAL_ONLY");
        assertThat(f.policy().bindings()).singleElement().satisfies(b -> {
            assertThat(b.role()).isEqualTo("roles/cloudfunctions.invoker");
            assertThat(b.members()).doesNotContain("allUsers", "allAuthenticatedUsers");
        });
    }

    @Test
    void aProjectWithoutFunctionsHasNone() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
    }
}
