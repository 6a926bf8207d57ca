package io.watchkeeper.auditors.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class Ec2InstanceNoInstanceProfileCheckTest {

    private final Ec2InstanceNoInstanceProfileCheck check = new Ec2InstanceNoInstanceProfileCheck();

    @Test
    void runningInstanceWithoutProfile() {
        var evidence = check.evaluate(Configs.parse(Ec2InstanceConfig.class, "{'instanceId':'i-1','state':'running','hasPublicIp':false}"),
                new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("instance-profile");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void instanceWithProfileOrNotRunningIsFine() {
        assertThat(check.evaluate(Configs.parse(Ec2InstanceConfig.class, "{'instanceId':'i-1','state':'running','hasPublicIp':false,"
                + "'iamInstanceProfileArn':'arn:aws:iam::111111111111:instance-profile/web'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(Ec2InstanceConfig.class, "{'instanceId':'i-1','state':'stopped','hasPublicIp':false}"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(Ec2InstanceConfig.class, "{'hasPublicIp':true}"), new TestContext())).isEmpty();
    }
}
