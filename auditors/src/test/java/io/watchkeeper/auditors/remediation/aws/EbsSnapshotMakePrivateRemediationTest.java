package io.watchkeeper.auditors.remediation.aws;

import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.json;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.EbsSnapshotConfig;
import io.watchkeeper.core.config.aws.EbsSnapshotConfig.Permission;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.aws.ec2.EbsSnapshotWatcher;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

class EbsSnapshotMakePrivateRemediationTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final EbsSnapshotMakePrivateRemediation remediation = new EbsSnapshotMakePrivateRemediation();
    private final EbsSnapshotWatcher watcher = new EbsSnapshotWatcher();

    private String seed(boolean makePublic) {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String volume = ec2.createVolume(r -> r.availabilityZone("eu-west-1a").size(10)).volumeId();
        String id = ec2.createSnapshot(r -> r.volumeId(volume).description("nightly db")).snapshotId();
        ec2.modifySnapshotAttribute(r -> r.snapshotId(id).attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)
                .operationType(OperationType.ADD).userIds("111122223333"));
        if (makePublic) {
            ec2.modifySnapshotAttribute(r -> r.snapshotId(id).attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)
                    .operationType(OperationType.ADD).groupNames("all"));
        }
        return id;
    }

    private static FindingView publicSnapshot(String id) {
        return finding("aws.ec2.snapshot/public", "arn:aws:ec2:" + REGION + "::snapshot/" + id, REGION, "share:all",
                "{'group':'all'}");
    }

    @Test
    void removesThePublicPermissionKeepsTheAccountShareAndAddsItBack() {
        String id = seed(true);
        EbsSnapshotConfig before = configs(watcher, REGION).get(id);

        RemediationPlan plan = remediation.plan(publicSnapshot(id), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("ec2", "ModifySnapshotAttribute", json("{'Region':'" + REGION
                + "','SnapshotId':'" + id + "','Attribute':'createVolumePermission','OperationType':'remove',"
                + "'GroupNames':['all']}")));
        execute(remediation, plan, session);
        assertThat(configs(watcher, REGION).get(id).createVolumePermissions())
                .containsExactly(new Permission(null, "111122223333"));

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("ec2", "ModifySnapshotAttribute", json("{'Region':'"
                + REGION + "','SnapshotId':'" + id + "','Attribute':'createVolumePermission','OperationType':'add',"
                + "'GroupNames':['all']}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(configs(watcher, REGION).get(id))).isEqualTo(durableHash(before));
    }

    @Test
    void aPrivateSnapshotNeedsNothingAndHostileIdsAreRefused() {
        String id = seed(false);
        EbsSnapshotConfig before = configs(watcher, REGION).get(id);

        RemediationPlan plan = remediation.plan(publicSnapshot(id), before);
        assertThat(plan.empty()).isTrue();
        assertThat(remediation.rollback(plan, before).empty()).isTrue();
        assertThatThrownBy(() -> remediation.plan(publicSnapshot(id), with(before, "snapshotId", "snap-1 --group all")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("as snapshot id");
        assertThatThrownBy(() -> remediation.execute(new ApiCall("ec2", "ModifySnapshotAttribute", json("{'Region':'"
                + REGION + "','SnapshotId':'" + id + "','Attribute':'createVolumePermission','OperationType':'add',"
                + "'GroupNames':['all'],'UserIds':['999999999999']}")), session))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("with exactly");
    }
}
