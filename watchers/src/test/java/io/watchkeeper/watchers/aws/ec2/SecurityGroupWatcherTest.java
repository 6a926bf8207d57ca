package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

class SecurityGroupWatcherTest extends AwsWatcherTestSupport {

    private final SecurityGroupWatcher watcher = new SecurityGroupWatcher();

    @Test
    void flattensRulesPerSourceAndSortsThem() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), "eu-west-1");
        String app = ec2.createSecurityGroup(r -> r.groupName("app").description("app tier")).groupId();
        String web = ec2.createSecurityGroup(r -> r.groupName("web").description("web tier")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                        .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build(),
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId(app).build()).build()));

        Map<String, SecurityGroupConfig> groups = configs(watcher, "eu-west-1");
        SecurityGroupConfig c = groups.get("web");
        assertThat(c.groupId()).isEqualTo(web);
        assertThat(c.description()).isEqualTo("web tier");
        assertThat(c.ingress()).extracting(Rule::fromPort, Rule::sourceType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(22, "security-group"),
                        org.assertj.core.groups.Tuple.tuple(443, "cidr4"),
                        org.assertj.core.groups.Tuple.tuple(443, "cidr6"));
        assertThat(c.ingress().get(0).source()).endsWith(app);
        assertThat(c.ingress().get(1).covers(443)).isTrue();
        assertThat(c.ingress().get(1).covers(22)).isFalse();
    }

    @Test
    void aNewGroupHasNoIngressAndOtherRegionsAreNotListed() {
        Ec2Client west = moto.client(Ec2Client.builder(), "eu-west-1");
        west.createSecurityGroup(r -> r.groupName("closed").description("nothing open"));

        SecurityGroupConfig closed = configs(watcher, "eu-west-1").get("closed");
        assertThat(closed.ingress()).isEmpty();
        assertThat(configs(watcher, "us-east-1")).doesNotContainKey("closed");
    }
}
