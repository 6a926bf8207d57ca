package io.watchkeeper.auditors.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class SecurityGroupDatabasePortOpenCheckTest {

    private final SecurityGroupDatabasePortOpenCheck check = new SecurityGroupDatabasePortOpenCheck();

    static SecurityGroupConfig group(String rules) {
        return Configs.parse(SecurityGroupConfig.class, "{'groupId':'sg-1','groupName':'g','ingress':[" + rules
                + "],'egress':[],'tags':{}}");
    }

    static String rule(String protocol, Integer from, Integer to, String source) {
        String type = source.contains("/sg-") ? "security-group" : source.contains(":") ? "cidr6" : "cidr4";
        return "{'protocol':'" + protocol + "','fromPort':" + from + ",'toPort':" + to + ",'sourceType':'" + type
                + "','source':'" + source + "'}";
    }

    static TestContext withPublicInstance() {
        Ec2InstanceConfig instance = Configs.parse(Ec2InstanceConfig.class,
                "{'instanceId':'i-1','hasPublicIp':true,'securityGroupIds':['sg-1'],'tags':{}}");
        return new TestContext().with("aws.ec2.instance", "us-east-1", "web-1", instance);
    }

    @Test
    void postgresOpenToTheWorldOnAPublicInstanceIsInternetExposed() {
        var evidence = check.evaluate(group(rule("tcp", 5432, 5432, "0.0.0.0/0")), withPublicInstance());
        assertThat(evidence).extracting(Evidence::key).containsExactly("ingress:tcp:5432-5432:0.0.0.0/0:5432");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(evidence.getFirst().message()).contains("PostgreSQL");
    }

    @Test
    void unattachedGroupIsAnInternalWeaknessAndIpv6AndRangesCount() {
        var evidence = check.evaluate(group(rule("tcp", 6000, 7000, "::/0")), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("ingress:tcp:6000-7000:::/0:6379");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void aPubliclyAccessibleRdsInstanceMakesTheGroupReachable() {
        RdsInstanceConfig db = Configs.parse(RdsInstanceConfig.class,
                "{'dbInstanceIdentifier':'db','publiclyAccessible':true,'vpcSecurityGroupIds':['sg-1']}");
        var context = new TestContext().with("aws.rds.instance", "us-east-1", "db", db);
        var evidence = check.evaluate(group(rule("tcp", 3306, 3306, "0.0.0.0/0")), context);
        assertThat(evidence).singleElement().extracting(Evidence::exposure).isEqualTo(Exposure.INTERNET);
        assertThat(check.evaluate(group(rule("tcp", 3306, 3306, "0.0.0.0/0")),
                new TestContext("eu-west-1").with("aws.rds.instance", "us-east-1", "db", db)))
                .as("an instance in another region uses another group").singleElement()
                .extracting(Evidence::exposure).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void memcachedOverUdpCountsButOtherDatabasesOverUdpDoNot() {
        var evidence = check.evaluate(group(rule("udp", 1, 65000, "0.0.0.0/0")), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("ingress:udp:1-65000:0.0.0.0/0:11211");
        assertThat(check.evaluate(group(rule("udp", 0, 65535, "0.0.0.0/0")), new TestContext()))
                .as("every UDP port is the all-ports check's finding").isEmpty();
    }

    @Test
    void webPortsToTheWorldAndDatabasePortsFromPrivateOrOfficeNetworksAreFine() {
        assertThat(check.evaluate(group(rule("tcp", 443, 443, "0.0.0.0/0") + "," + rule("tcp", 80, 80, "::/0")),
                withPublicInstance())).isEmpty();
        assertThat(check.evaluate(group(rule("tcp", 3306, 3306, "10.0.0.0/8") + "," + rule("tcp", 5432, 5432,
                TestContext.OFFICE) + "," + rule("tcp", 5432, 5432, TestContext.UNKNOWN + "/sg-9")),
                withPublicInstance())).isEmpty();
        assertThat(check.evaluate(group(rule("icmp", -1, -1, "0.0.0.0/0")), withPublicInstance())).isEmpty();
    }

    @Test
    void oddInputDoesNotThrow() {
        var odd = new SecurityGroupConfig(null, null, null, null, null, null, null, null);
        assertThat(check.evaluate(odd, withPublicInstance())).isEmpty();
        assertThat(check.evaluate(group("{'protocol':null,'fromPort':null,'toPort':null}"), withPublicInstance())).isEmpty();
    }
}
