package io.watchkeeper.auditors.remediation.gcp;

import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.gcp.storage.BucketWatcher;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class BucketEnableUniformAccessRemediationTest extends GcpWatcherTestSupport {

    private static final String BUCKET = "cloud-custodian-test-2";
    private final BucketEnableUniformAccessRemediation remediation = new BucketEnableUniformAccessRemediation();

    private GcpBucketConfig read(String name) {
        return configs(new BucketWatcher()).get(name);
    }

    @Test
    void turnsUniformAccessOnAndOffAgainOnRollback() {
        GcpBucketConfig before = read(BUCKET);
        assertThat(before.uniformBucketLevelAccess()).isFalse();
        RemediationPlan plan = remediation.plan(finding("gcp.storage.bucket/uniform-access-off", "//storage.googleapis.com/" + BUCKET,
                "uniform-access"), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("storage", "buckets.patch",
                json("{'project':'cloud-custodian','bucket':'" + BUCKET + "','uniformBucketLevelAccess':true}")));
        execute(remediation, plan, session);
        assertThat(server.requests()).anySatisfy(r -> assertThat(r.method() + " " + r.path())
                .isEqualTo("PATCH /storage/v1/b/" + BUCKET));
        assertThat(read(BUCKET).uniformBucketLevelAccess()).isTrue();

        RemediationPlan rollback = remediation.rollback(plan, before);
        execute(remediation, rollback, session);
        assertThat(read(BUCKET).uniformBucketLevelAccess()).isFalse();
        assertThat(durableHash(read(BUCKET))).isEqualTo(durableHash(before));
    }

    @Test
    void aBucketWithUniformAccessNeedsNothing() {
        GcpBucketConfig on = read("cloud-custodian-test-1");
        RemediationPlan plan = remediation.plan(finding("gcp.storage.bucket/uniform-access-off",
                "//storage.googleapis.com/cloud-custodian-test-1", "uniform-access"), on);
        assertThat(plan.empty()).isTrue();
        assertThat(remediation.rollback(plan, on).empty()).isTrue();
    }
}
