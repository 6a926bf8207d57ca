package io.watchkeeper.watchers.gcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketWatcherTest extends GcpWatcherTestSupport {

    private final BucketWatcher watcher = new BucketWatcher();

    @Test
    void readsPublicMembersUniformAccessRetentionLoggingVersioningAndCmek() {
        Map<String, GcpBucketConfig> buckets = configs(watcher);
        assertThat(buckets).containsKeys("cloud-custodian-test-1", "cloud-custodian-test-2", "wk-logs");
        GcpBucketConfig open = buckets.get("cloud-custodian-test-1");
        assertThat(open.uniformBucketLevelAccess()).isTrue();
        assertThat(open.policy().bindings()).anySatisfy(b -> assertThat(b.members()).contains("allUsers"));
        assertThat(buckets.get("cloud-custodian-test-2").uniformBucketLevelAccess()).isFalse();
        GcpBucketConfig logs = buckets.get("wk-logs");
        assertThat(logs.publicAccessPrevention()).isEqualTo("enforced");
        assertThat(logs.retentionPeriodSeconds()).isEqualTo(31536000L);
        assertThat(logs.retentionLocked()).isTrue();
        assertThat(logs.versioning()).isTrue();
        assertThat(logs.logBucket()).isEqualTo("wk-access-logs");
        assertThat(logs.defaultKmsKeyName()).endsWith("/cryptoKeys/logs");
        assertThat(logs.labels()).containsEntry("purpose", "audit");
    }

    @Test
    void aBucketWithoutThoseSettingsSaysSoAndLegacyAclsAreRead() {
        GcpBucketConfig plain = configs(watcher).get("cloud-custodian-test-2");
        assertThat(plain.retentionPeriodSeconds()).isNull();
        assertThat(plain.retentionLocked()).isFalse();
        assertThat(plain.versioning()).isFalse();
        assertThat(plain.logBucket()).isNull();
        assertThat(plain.defaultKmsKeyName()).isNull();
        assertThat(plain.policy().bindings()).noneSatisfy(b -> assertThat(b.members()).contains("allUsers"));
        try (var dev = open(GcpTestOrg.DEV)) {
            GcpBucketConfig scratch = configs(watcher, dev).get("wk-dev-scratch");
            assertThat(scratch.acl()).extracting(GcpBucketConfig.AclEntry::entity).contains("allUsers");
            assertThat(scratch.publicAccessPrevention()).isEqualTo("inherited");
        }
    }
}
