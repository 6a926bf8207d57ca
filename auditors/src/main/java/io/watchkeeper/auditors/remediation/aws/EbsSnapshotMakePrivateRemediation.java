package io.watchkeeper.auditors.remediation.aws;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.EbsSnapshotConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

/**
 * Makes a public snapshot private: ModifySnapshotAttribute removes the createVolumePermission of
 * group "all"; the accounts it is shared with keep their permission. Rollback adds group "all" back
 * (which AWS refuses while the region's block public access for snapshots is on).
 */
@AutoService(Remediation.class)
public final class EbsSnapshotMakePrivateRemediation implements Remediation<EbsSnapshotConfig> {

    private static final Pattern SNAPSHOT_ID = Pattern.compile("snap-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Map<String, List<String>> CALLS = Map.of("ec2:ModifySnapshotAttribute",
            List.of("Region", "SnapshotId", "Attribute", "OperationType", "GroupNames"));

    @Override public String id() { return "aws.ec2.snapshot/make-private"; }
    @Override public CheckId fixes() { return CheckId.of("aws.ec2.snapshot/public"); }
    @Override public Class<EbsSnapshotConfig> configType() { return EbsSnapshotConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("ec2:ModifySnapshotAttribute"); }
    @Override public String description() {
        return "Remove the public (group \"all\") create-volume permission; account shares stay.";
    }

    @Override
    public RemediationPlan plan(FindingView finding, EbsSnapshotConfig config) {
        String snapshot = AwsCalls.valid(config.snapshotId(), SNAPSHOT_ID, "snapshot id (snap-…)");
        String region = AwsCalls.region(finding);
        AwsCalls.accept(this, finding, "arn:aws:ec2:" + region + "::snapshot/" + snapshot, Set.of(fixes()));
        if (!isPublic(config)) {
            return AwsCalls.plan(this, finding, region, "nothing to do: snapshot " + snapshot + " is not public");
        }
        return AwsCalls.plan(this, finding, region, "Make snapshot " + snapshot + " private", call(region, snapshot, "remove"));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, EbsSnapshotConfig before) {
        String snapshot = AwsCalls.valid(before.snapshotId(), SNAPSHOT_ID, "snapshot id (snap-…)");
        List<ApiCall> calls = applied.empty() || !isPublic(before) ? List.of()
                : List.of(call(applied.region(), snapshot, "add"));
        return AwsCalls.rollback(this, applied, "arn:aws:ec2:" + applied.region() + "::snapshot/" + snapshot,
                "Make snapshot " + snapshot + " public again", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        AwsCalls.expect(this, call, CALLS);
        var ec2 = AwsCalls.aws(session).ec2(AwsCalls.region(call));
        var p = call.parameters();
        String snapshot = AwsCalls.text(p, "SnapshotId", SNAPSHOT_ID, "snapshot id (snap-…)");
        AwsCalls.text(p, "Attribute", Pattern.compile("createVolumePermission"), "snapshot attribute");
        String operation = AwsCalls.text(p, "OperationType", Pattern.compile("add|remove"), "operation type");
        if (!Json.parse("[\"all\"]").equals(p.path("GroupNames"))) {
            throw new IllegalArgumentException(id() + " only changes the permission of group \"all\"");
        }
        AwsCalls.run(call, () -> ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshot)
                .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)
                .operationType(OperationType.fromValue(operation)).groupNames("all")));
    }

    private static ApiCall call(String region, String snapshot, String operation) {
        var params = Json.object().put("Region", region).put("SnapshotId", snapshot)
                .put("Attribute", "createVolumePermission").put("OperationType", operation);
        params.putArray("GroupNames").add("all");
        return new ApiCall("ec2", "ModifySnapshotAttribute", params);
    }

    private static boolean isPublic(EbsSnapshotConfig config) {
        return config.createVolumePermissions() != null && config.createVolumePermissions().stream()
                .anyMatch(p -> p != null && "all".equals(p.group()));
    }
}
