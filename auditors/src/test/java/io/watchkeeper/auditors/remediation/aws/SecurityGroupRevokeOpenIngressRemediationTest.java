package io.watchkeeper.auditors.remediation.aws;

import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.json;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.aws.ec2.SecurityGroupWatcher;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

class SecurityGroupRevokeOpenIngressRemediationTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final SecurityGroupRevokeOpenIngressRemediation remediation = new SecurityGroupRevokeOpenIngressRemediation();
    private final SecurityGroupWatcher watcher = new SecurityGroupWatcher();

    private SecurityGroupConfig read(String group) {
        return observe(watcher, REGION).stream()
                .map(o -> ((Observation.Observed<SecurityGroupConfig>) o).config())
                .filter(c -> c.groupId().equals(group))
                .findFirst().orElseThrow();
    }

    /** A group "web" with SSH open to the world and from the office, HTTPS open, and all traffic open over IPv6. */
    private String seed() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String group = ec2.createSecurityGroup(r -> r.groupName("web").description("web tier").vpcId(vpc)).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(
                        IpRange.builder().cidrIp("0.0.0.0/0").description("ssh from anywhere (temp)").build(),
                        IpRange.builder().cidrIp("10.1.0.0/16").description("office").build()).build(),
                IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build(),
                IpPermission.builder().ipProtocol("-1")
                        .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").description("debug").build()).build()));
        return group;
    }

    private static FindingView finding(String check, String group, Rule rule, String key) {
        return RemediationTesting.finding(check, "arn:aws:ec2:" + REGION + ":" + Moto.ACCOUNT_ID + ":security-group/"
                + group, REGION, key, Json.write(rule));
    }

    private static Rule rule(SecurityGroupConfig config, String protocol, Integer port, String source) {
        return config.ingress().stream().filter(r -> r.protocol().equals(protocol) && java.util.Objects.equals(r.fromPort(), port)
                && r.source().equals(source)).findFirst().orElseThrow();
    }

    @Test
    void revokesExactlyTheOpenSshRuleAndAuthorizesItAgainWithItsDescription() {
        String group = seed();
        SecurityGroupConfig before = read(group);
        Rule ssh = rule(before, "tcp", 22, "0.0.0.0/0");

        RemediationPlan plan = remediation.plan(finding("aws.ec2.security-group/admin-port-open", group, ssh,
                "ingress:tcp:22-22:0.0.0.0/0:22"), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("ec2", "RevokeSecurityGroupIngress", json("{'Region':'"
                + REGION + "','GroupId':'" + group + "','IpPermissions':[{'IpProtocol':'tcp','FromPort':22,'ToPort':22,"
                + "'IpRanges':[{'CidrIp':'0.0.0.0/0'}]}]}")));
        execute(remediation, plan, session);
        SecurityGroupConfig after = read(group);
        assertThat(after.ingress()).doesNotContain(ssh).hasSize(before.ingress().size() - 1);
        assertThat(rule(after, "tcp", 22, "10.1.0.0/16").description()).isEqualTo("office");

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("ec2", "AuthorizeSecurityGroupIngress", json("{'Region':'"
                + REGION + "','GroupId':'" + group + "','IpPermissions':[{'IpProtocol':'tcp','FromPort':22,'ToPort':22,"
                + "'IpRanges':[{'CidrIp':'0.0.0.0/0','Description':'ssh from anywhere (temp)'}]}]}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(read(group))).isEqualTo(durableHash(before));
    }

    @Test
    void revokesAllTrafficOverIpv6AndAlreadyRevokedRulesNeedNothing() {
        String group = seed();
        SecurityGroupConfig before = read(group);
        Rule all = rule(before, "-1", null, "::/0");
        FindingView finding = finding("aws.ec2.security-group/all-ports-open", group, all, "ingress:-1:null-null:::/0");

        RemediationPlan plan = remediation.plan(finding, before);
        assertThat(plan.calls()).containsExactly(new ApiCall("ec2", "RevokeSecurityGroupIngress", json("{'Region':'"
                + REGION + "','GroupId':'" + group + "','IpPermissions':[{'IpProtocol':'-1',"
                + "'Ipv6Ranges':[{'CidrIpv6':'::/0'}]}]}")));
        execute(remediation, plan, session);
        SecurityGroupConfig after = read(group);
        assertThat(after.ingress()).doesNotContain(all);
        assertThat(remediation.plan(finding, after).empty()).isTrue();

        execute(remediation, remediation.rollback(plan, before), session);
        assertThat(durableHash(read(group))).isEqualTo(durableHash(before));
    }

    @Test
    void refusesHostileIdsAndRulesThatAreNotCidrs() {
        String group = seed();
        SecurityGroupConfig before = read(group);
        Rule ssh = rule(before, "tcp", 22, "0.0.0.0/0");
        FindingView finding = finding("aws.ec2.security-group/admin-port-open", group, ssh, "ingress:tcp:22-22:0.0.0.0/0:22");

        assertThatThrownBy(() -> remediation.plan(finding, with(before, "groupId", "sg-1; rm -rf")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'sg-1; rm -rf' as security group id");
        Rule hostileCidr = new Rule("tcp", 22, 22, "cidr4", "0.0.0.0/0 --dry-run", null);
        assertThatThrownBy(() -> remediation.plan(finding("aws.ec2.security-group/admin-port-open", group, hostileCidr,
                "k"), before)).isInstanceOf(InvalidInputException.class).hasMessageContaining("as CIDR");
        Rule groupSource = new Rule("tcp", 22, 22, "security-group", Moto.ACCOUNT_ID + "/" + group, null);
        assertThatThrownBy(() -> remediation.plan(finding("aws.ec2.security-group/admin-port-open", group, groupSource,
                "k"), before)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not a CIDR");
        assertThatThrownBy(() -> remediation.plan(finding("aws.ec2.security-group/default-group-allows-traffic", group,
                ssh, "k"), before)).isInstanceOf(IllegalArgumentException.class);
    }
}
