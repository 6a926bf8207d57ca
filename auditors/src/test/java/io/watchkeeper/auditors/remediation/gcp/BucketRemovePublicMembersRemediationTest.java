package io.watchkeeper.auditors.remediation.gcp;

import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.gcp.storage.BucketWatcher;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class BucketRemovePublicMembersRemediationTest extends GcpWatcherTestSupport {

    private static final String BUCKET = "cloud-custodian-test-2";
    private final BucketRemovePublicMembersRemediation remediation = new BucketRemovePublicMembersRemediation();

    private GcpBucketConfig read() {
        return configs(new BucketWatcher()).get(BUCKET);
    }

    @Test
    void removesThePublicMemberKeepsTheRestAndGrantsItAgainOnRollback() {
        GcpBucketConfig before = read();
        RemediationPlan plan = remediation.plan(finding("gcp.storage.bucket/public", "//storage.googleapis.com/" + BUCKET,
                "iam:roles/cloudbuild.builds.builder:allAuthenticatedUsers"), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("storage", "buckets.removeIamMembers", json("{'project':'cloud-custodian',"
                + "'bucket':'" + BUCKET + "','bindings':[{'role':'roles/cloudbuild.builds.builder','member':'allAuthenticatedUsers'}]}")));
        execute(remediation, plan, session);
        assertThat(server.requests()).filteredOn(r -> r.method().equals("PUT")).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/storage/v1/b/" + BUCKET + "/iam");
            assertThat(r.body()).contains("\"etag\":\"CAI=\"").doesNotContain("allAuthenticatedUsers")
                    .contains("projectViewer:custodian");
        });
        GcpBucketConfig after = read();
        assertThat(after.policy().bindings()).noneMatch(b -> b.members().contains("allAuthenticatedUsers"));
        assertThat(after.policy().bindings()).anyMatch(b -> b.members().contains("projectEditor:custodian"));

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).extracting(ApiCall::operation).containsExactly("buckets.addIamMembers");
        execute(remediation, rollback, session);
        assertThat(durableHash(read())).isEqualTo(durableHash(before));
    }

    @Test
    void aConcurrentPolicyChangeMakesTheWriteFail() {
        GcpBucketConfig before = read();
        RemediationPlan plan = remediation.plan(finding("gcp.storage.bucket/public", "//storage.googleapis.com/" + BUCKET,
                "iam:roles/cloudbuild.builds.builder:allAuthenticatedUsers"), before);
        server.fail("PUT", "/storage/v1/b/" + BUCKET + "/iam", 412, 1);
        assertThatThrownBy(() -> execute(remediation, plan, session)).isInstanceOf(RuntimeException.class);
        assertThat(read().policy().bindings()).anyMatch(b -> b.members().contains("allAuthenticatedUsers"));
    }

    @Test
    void aBucketWithoutPublicMembersNeedsNothingAndHostileCallsAreRefused() {
        GcpBucketConfig clean = GcpRemediationTesting.with(read(), "policy", null);
        assertThat(remediation.plan(finding("gcp.storage.bucket/public", "//storage.googleapis.com/" + BUCKET, "acl:READER:allUsers"),
                clean).empty()).isTrue();
        ApiCall widen = new ApiCall("storage", "buckets.addIamMembers", json("{'project':'cloud-custodian','bucket':'" + BUCKET
                + "','bindings':[{'role':'roles/storage.admin','member':'user:attacker@evil.example'}]}"));
        assertThatThrownBy(() -> remediation.execute(widen, session)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("public member");
    }
}
