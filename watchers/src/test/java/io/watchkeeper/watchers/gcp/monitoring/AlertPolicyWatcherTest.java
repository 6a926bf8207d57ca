package io.watchkeeper.watchers.gcp.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpAlertPolicyConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class AlertPolicyWatcherTest extends GcpWatcherTestSupport {

    private final AlertPolicyWatcher watcher = new AlertPolicyWatcher();

    @Test
    void readsConditionsOnLogMetricsAndChannels() {
        GcpAlertPolicyConfig p = configs(watcher).get("Ownership changes");
        assertThat(p.enabled()).isTrue();
        assertThat(p.conditions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("threshold");
            assertThat(c.filter()).contains("logging.googleapis.com/user/project-ownership-changes");
            assertThat(c.comparison()).isEqualTo("COMPARISON_GT");
        });
        assertThat(p.notificationChannels()).containsExactly("projects/cloud-custodian/notificationChannels/55");
    }

    @Test
    void aProjectWithoutAlertPoliciesHasNone() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
    }
}
