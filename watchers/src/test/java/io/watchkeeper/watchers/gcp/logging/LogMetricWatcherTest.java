package io.watchkeeper.watchers.gcp.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpLogMetricConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class LogMetricWatcherTest extends GcpWatcherTestSupport {

    private final LogMetricWatcher watcher = new LogMetricWatcher();

    @Test
    void readsTheMetricsFilter() {
        GcpLogMetricConfig m = configs(watcher).get("project-ownership-changes");
        assertThat(m.filter()).contains("ProjectOwnership").contains("projectOwnerInvitee");
        assertThat(m.metricKind()).isEqualTo("DELTA");
        assertThat(m.disabled()).isFalse();
    }

    @Test
    void aProjectWithoutMetricsHasNone() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
    }
}
