package io.watchkeeper.watchers.gcp.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class ProjectWatcherTest extends GcpWatcherTestSupport {

    private final ProjectWatcher watcher = new ProjectWatcher();

    @Test
    void readsSettingsMetadataFlagsSshKeyFingerprintsAndEnabledApis() {
        GcpProjectConfig p = configs(watcher).get(GcpTestOrg.PROJECT);
        assertThat(p.projectNumber()).isEqualTo(GcpTestOrg.PROJECT_NUMBER);
        assertThat(p.parent()).isEqualTo("organizations/" + GcpTestOrg.ORG);
        assertThat(p.osLogin()).isEqualTo("FALSE");
        assertThat(p.blockProjectSshKeys()).isNull();
        assertThat(p.metadataKeys()).containsExactly("enable-oslogin", "ssh-keys");
        assertThat(p.sshKeys()).extracting(GcpProjectConfig.SshKey::user).containsExactly("alice", "bob");
        assertThat(p.sshKeys().getFirst().keyType()).isEqualTo("ssh-ed25519");
        assertThat(p.sshKeys().getFirst().fingerprint()).startsWith("SHA256:").hasSize(50);
        assertThat(p.sshKeys().get(1).expiresOn()).isEqualTo("2030-01-01T00:00:00+0000");
        assertThat(p.toString()).doesNotContain("AAAAC3NzaC1lZDI1NTE5");
        assertThat(p.enabledServices()).contains("compute.googleapis.com", "cloudkms.googleapis.com", "dataproc.googleapis.com").hasSize(6);
        assertThat(p.defaultServiceAccount()).isEqualTo("628364681111-compute@developer.gserviceaccount.com");
        assertThat(observe(watcher)).singleElement().extracting(Observation::resourceId)
                .isEqualTo("//cloudresourcemanager.googleapis.com/projects/cloud-custodian");
    }

    @Test
    void aProjectWithoutComputeHasNoMetadataAndIsNotAskedForIt() {
        try (var empty = open(GcpTestOrg.EMPTY)) {
            server.clearRequests();
            GcpProjectConfig p = configs(watcher, empty).get(GcpTestOrg.EMPTY);
            assertThat(p.enabledServices()).isEmpty();
            assertThat(p.sshKeys()).isEmpty();
            assertThat(p.osLogin()).isNull();
            assertThat(p.defaultServiceAccount()).isNull();
            assertThat(server.requests()).noneMatch(r -> r.path().startsWith("/compute/"));
        }
    }

    @Test
    void malformedSshKeysHaveNoFingerprintAndNeverFail() {
        assertThat(SshKeys.parse("eve:ssh-rsa not*base64 comment\n\n:nouser\njunk")).singleElement()
                .satisfies(k -> {
                    assertThat(k.user()).isEqualTo("eve");
                    assertThat(k.fingerprint()).isNull();
                });
    }
}
