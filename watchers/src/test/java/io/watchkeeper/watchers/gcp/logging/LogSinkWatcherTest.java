package io.watchkeeper.watchers.gcp.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpLogSinkConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSinkWatcherTest extends GcpWatcherTestSupport {

    private final LogSinkWatcher watcher = new LogSinkWatcher();

    @Test
    void readsAnAllEntriesSinkAndAFilteredOne() {
        Map<String, GcpLogSinkConfig> sinks = configs(watcher);
        assertThat(sinks).containsOnlyKeys("_Required", "audit-archive");
        assertThat(sinks.get("audit-archive").filter()).isEmpty();
        assertThat(sinks.get("audit-archive").destination()).isEqualTo("storage.googleapis.com/wk-logs");
        assertThat(sinks.get("audit-archive").exclusions()).singleElement()
                .satisfies(e -> assertThat(e.filter()).isEqualTo("severity<INFO"));
        assertThat(sinks.get("_Required").filter()).contains("cloudaudit.googleapis.com/activity");
    }

    @Test
    void aProjectWithoutSinksHasNone() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
    }
}
