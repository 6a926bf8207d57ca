package io.watchkeeper.watchers.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpFirewallConfig;
import io.watchkeeper.core.config.gcp.GcpFirewallConfig.Rule;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirewallWatcherTest extends GcpWatcherTestSupport {

    private final FirewallWatcher watcher = new FirewallWatcher();

    @Test
    void readsEveryRuleAcrossPagesExactly() {
        Map<String, GcpFirewallConfig> rules = configs(watcher);
        assertThat(rules).containsOnlyKeys("test", "allow-inbound-xyz", "default-allow-internal");
        GcpFirewallConfig world = rules.get("allow-inbound-xyz");
        assertThat(world.direction()).isEqualTo("INGRESS");
        assertThat(world.sourceRanges()).containsExactly("0.0.0.0/0");
        assertThat(world.allowed()).containsExactly(new Rule("all", List.of()));
        assertThat(world.allowed().getFirst().covers("tcp", 22)).isTrue();
        assertThat(world.targetServiceAccounts()).isNotEmpty();
        assertThat(world.logging()).isFalse();
        GcpFirewallConfig narrow = rules.get("test");
        assertThat(narrow.sourceRanges()).containsExactly("1.1.1.1");
        assertThat(narrow.allowed()).containsExactly(new Rule("tcp", List.of("21-25", "22")));
        assertThat(narrow.network()).isEqualTo("projects/cloud-custodian/global/networks/default");
        assertThat(narrow.id()).isEqualTo("4853772226933023804");
        assertThat(narrow.createTime()).isNotNull();
        assertThat(rules.get("default-allow-internal").logging()).isTrue();
        // three rules, two a page: the list was followed to its second page
        assertThat(server.requests()).filteredOn(r -> r.path().endsWith("/global/firewalls")).hasSize(2);
        assertThat(observe(watcher)).allSatisfy(o -> assertThat(o.resourceId())
                .startsWith("//compute.googleapis.com/projects/cloud-custodian/global/firewalls/"));
    }

    @Test
    void aRuleWithoutTheOpenSourceIsReadAsItIsAndAnEmptyProjectHasNone() {
        GcpFirewallConfig narrow = configs(watcher).get("test");
        assertThat(narrow.sourceRanges()).doesNotContain("0.0.0.0/0");
        assertThat(narrow.allowed().getFirst().covers("tcp", 3389)).isFalse();
        try (var empty = open(GcpTestOrg.EMPTY)) {
            assertThat(observe(watcher, empty)).isEmpty();
        }
        try (var dev = open(GcpTestOrg.DEV)) {
            List<Observation<GcpFirewallConfig>> rules = observe(watcher, dev);
            assertThat(rules).singleElement().extracting(Observation::resourceId)
                    .isEqualTo("//compute.googleapis.com/projects/wk-dev/global/firewalls/dev-allow-rdp");
        }
    }
}
