package io.watchkeeper.auditors.remediation.aws;

import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.json;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.AmiConfig;
import io.watchkeeper.core.config.aws.AmiConfig.LaunchPermission;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.aws.ec2.AmiWatcher;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;

class AmiMakePrivateRemediationTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final AmiMakePrivateRemediation remediation = new AmiMakePrivateRemediation();
    private final AmiWatcher watcher = new AmiWatcher();

    private String seed(boolean makePublic) {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String id = ec2.registerImage(r -> r.name("golden").rootDeviceName("/dev/sda1")).imageId();
        ec2.modifyImageAttribute(r -> r.imageId(id).launchPermission(p -> p.add(a -> a.userId("111122223333"))));
        if (makePublic) {
            ec2.modifyImageAttribute(r -> r.imageId(id).launchPermission(p -> p.add(a -> a.group(PermissionGroup.ALL))));
        }
        return id;
    }

    private static FindingView publicImage(String id) {
        return finding("aws.ec2.image/public", "arn:aws:ec2:" + REGION + "::image/" + id, REGION, "share:all",
                "{'group':'all'}");
    }

    @Test
    void removesThePublicLaunchPermissionKeepsTheAccountShareAndAddsItBack() {
        String id = seed(true);
        AmiConfig before = configs(watcher, REGION).get(id);
        assertThat(before.publicImage()).isTrue();

        RemediationPlan plan = remediation.plan(publicImage(id), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("ec2", "ModifyImageAttribute", json("{'Region':'" + REGION
                + "','ImageId':'" + id + "','LaunchPermission':{'Remove':[{'Group':'all'}]}}")));
        execute(remediation, plan, session);
        AmiConfig after = configs(watcher, REGION).get(id);
        assertThat(after.publicImage()).isFalse();
        assertThat(after.launchPermissions()).containsExactly(new LaunchPermission(null, "111122223333", null, null));

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("ec2", "ModifyImageAttribute", json("{'Region':'"
                + REGION + "','ImageId':'" + id + "','LaunchPermission':{'Add':[{'Group':'all'}]}}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(configs(watcher, REGION).get(id))).isEqualTo(durableHash(before));
    }

    @Test
    void aPrivateImageNeedsNothingAndHostileIdsAndCallsAreRefused() {
        String id = seed(false);
        AmiConfig before = configs(watcher, REGION).get(id);

        RemediationPlan plan = remediation.plan(publicImage(id), before);
        assertThat(plan.empty()).isTrue();
        assertThat(remediation.rollback(plan, before).empty()).isTrue();
        assertThatThrownBy(() -> remediation.plan(publicImage(id), with(before, "imageId", "ami-12345678\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'ami-12345678?' as image id");
        assertThatThrownBy(() -> remediation.execute(new ApiCall("ec2", "ModifyImageAttribute", json("{'Region':'"
                + REGION + "','ImageId':'" + id + "','LaunchPermission':{'Add':[{'UserId':'999999999999'}]}}")), session))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group \"all\"");
    }
}
