package io.watchkeeper.watchers.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceWatcherTest extends GcpWatcherTestSupport {

    private final InstanceWatcher watcher = new InstanceWatcher();

    @Test
    void readsServiceAccountsScopesPublicAddressesAndMetadataFlags() {
        Map<String, GcpInstanceConfig> vms = configs(watcher);
        assertThat(vms).containsOnlyKeys("custodian-dev", "c7n-jenkins", "drone", "custodian", "hardened");
        GcpInstanceConfig jenkins = vms.get("c7n-jenkins");
        assertThat(jenkins.zone()).isEqualTo("us-central1-b");
        assertThat(jenkins.serviceAccounts()).singleElement()
                .satisfies(a -> assertThat(a.email()).endsWith("-compute@developer.gserviceaccount.com"));
        assertThat(jenkins.networkInterfaces().getFirst().accessConfigs()).singleElement()
                .satisfies(a -> {
                    assertThat(a.type()).isEqualTo("ONE_TO_ONE_NAT");
                    assertThat(a.natIp()).isEqualTo("104.154.233.11");
                });
        assertThat(jenkins.shieldedVm()).isNull();
        assertThat(jenkins.canIpForward()).isFalse();
        GcpInstanceConfig hardened = vms.get("hardened");
        assertThat(hardened.shieldedVm()).isEqualTo(new GcpInstanceConfig.ShieldedVm(true, true, true));
        assertThat(hardened.blockProjectSshKeys()).isEqualTo("true");
        assertThat(hardened.osLogin()).isEqualTo("TRUE");
        assertThat(hardened.serialPortEnable()).isNull();
        assertThat(hardened.metadataKeys()).containsExactly("block-project-ssh-keys", "enable-oslogin", "startup-script");
        assertThat(hardened.toString()).doesNotContain("secret-ish");
        assertThat(hardened.networkInterfaces().getFirst().accessConfigs()).isEmpty();
        assertThat(hardened.serviceAccounts().getFirst().scopes())
                .containsExactly("https://www.googleapis.com/auth/logging.write");
        assertThat(EphemeralPaths.of(GcpInstanceConfig.class).describe())
                .contains("networkInterfaces/*/accessConfigs/*/natIp", "lastStartTime");
    }

    @Test
    void theFullCloudPlatformScopeIsReadWhereItIsAndNotElsewhere() {
        Map<String, GcpInstanceConfig> vms = configs(watcher);
        String full = "https://www.googleapis.com/auth/cloud-platform";
        assertThat(vms.get("custodian-dev").serviceAccounts().getFirst().scopes()).contains(full);
        assertThat(vms.get("hardened").serviceAccounts().getFirst().scopes()).doesNotContain(full);
        assertThat(vms.get("custodian-dev").networkInterfaces().getFirst().accessConfigs())
                .allSatisfy(a -> assertThat(a.natIp()).isNull());
    }
}
