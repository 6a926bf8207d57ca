package io.watchkeeper.auditors.remediation.gcp;

import com.google.auto.service.AutoService;
import com.google.cloud.storage.BucketInfo;
import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.gcp.GcpSession;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns on uniform bucket-level access ({@code storage.buckets.patch} of
 * {@code iamConfiguration.uniformBucketLevelAccess.enabled}): ACLs stop granting anything, so public ACL
 * entries stop working too. Rollback turns it off again, which GCP allows for 90 days.
 */
@AutoService(Remediation.class)
public final class BucketEnableUniformAccessRemediation implements Remediation<GcpBucketConfig> {

    private static final Map<String, List<String>> CALLS = Map.of("storage:buckets.patch",
            List.of("project", "bucket", "uniformBucketLevelAccess"));

    @Override public String id() { return "gcp.storage.bucket/enable-uniform-access"; }
    @Override public CheckId fixes() { return CheckId.of("gcp.storage.bucket/uniform-access-off"); }
    @Override public Class<GcpBucketConfig> configType() { return GcpBucketConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("storage.buckets.update"); }
    @Override public String description() { return "Turn on uniform bucket-level access (ACLs stop granting access)."; }

    @Override
    public RemediationPlan plan(FindingView finding, GcpBucketConfig config) {
        String project = GcpCalls.project(finding);
        String bucket = GcpCalls.valid(config.name(), GcpCalls.BUCKET, "bucket name");
        GcpCalls.accept(this, finding, "//storage.googleapis.com/" + bucket,
                Set.of(fixes(), CheckId.of("gcp.storage.bucket/public")));
        if (config.uniformBucketLevelAccess()) {
            return GcpCalls.plan(this, finding, "nothing to do: uniform bucket-level access is on");
        }
        return GcpCalls.plan(this, finding, "Turn on uniform bucket-level access of " + bucket, patch(project, bucket, true));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GcpBucketConfig before) {
        List<ApiCall> patched = GcpCalls.calls(applied, "buckets.patch");
        if (patched.isEmpty()) {
            return GcpCalls.rollback(this, applied, applied.resourceId(), "", List.of());
        }
        String project = GcpCalls.text(patched.getFirst().parameters(), "project", GcpCalls.PROJECT, "GCP project id");
        String bucket = GcpCalls.valid(before.name(), GcpCalls.BUCKET, "bucket name");
        return GcpCalls.rollback(this, applied, "//storage.googleapis.com/" + bucket, "Turn uniform bucket-level access of "
                + bucket + " off again", before.uniformBucketLevelAccess() ? List.of() : List.of(patch(project, bucket, false)));
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GcpCalls.expect(this, call, CALLS);
        GcpSession gcp = GcpCalls.gcp(session, call);
        String bucket = GcpCalls.text(call.parameters(), "bucket", GcpCalls.BUCKET, "bucket name");
        boolean on = GcpCalls.bool(call.parameters(), "uniformBucketLevelAccess");
        GcpCalls.run(call, () -> gcp.storage().update(BucketInfo.newBuilder(bucket).setIamConfiguration(
                BucketInfo.IamConfiguration.newBuilder().setIsUniformBucketLevelAccessEnabled(on).build()).build()));
    }

    private static ApiCall patch(String project, String bucket, boolean on) {
        return new ApiCall("storage", "buckets.patch", Json.object().put("project", project).put("bucket", bucket)
                .put("uniformBucketLevelAccess", on));
    }
}
