package io.watchkeeper.auditors.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class SecurityGroupAdminPortOpenCheckTest {

    private final SecurityGroupAdminPortOpenCheck check = new SecurityGroupAdminPortOpenCheck();

    private static SecurityGroupConfig group(String rules) {
        return Configs.parse(SecurityGroupConfig.class, "{'groupId':'sg-1','groupName':'g','ingress':[" + rules
                + "],'egress':[],'tags':{}}");
    }

    private static String rule(int from, int to, String cidr) {
        return "{'protocol':'tcp','fromPort':" + from + ",'toPort':" + to + ",'sourceType':'"
                + (cidr.contains(":") ? "cidr6" : "cidr4") + "','source':'" + cidr + "'}";
    }

    private static TestContext withPublicInstance() {
        Ec2InstanceConfig instance = Configs.parse(Ec2InstanceConfig.class,
                "{'instanceId':'i-1','hasPublicIp':true,'securityGroupIds':['sg-1'],'tags':{}}");
        return new TestContext().with("aws.ec2.instance", "us-east-1", "web-1", instance);
    }

    @Test
    void sshOpenToTheWorldOnAPublicInstanceIsInternetExposed() {
        var evidence = check.evaluate(group(rule(22, 22, "0.0.0.0/0")), withPublicInstance());
        assertThat(evidence).extracting(Evidence::key).containsExactly("ingress:tcp:22-22:0.0.0.0/0:22");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
    }

    @Test
    void rdpOverIpv6AndWideRangesAreCaught() {
        var evidence = check.evaluate(group(rule(3000, 4000, "::/0")), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("ingress:tcp:3000-4000:::/0:3389");
        assertThat(evidence.getFirst().exposure()).as("not attached to a public instance").isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void httpsToTheWorldAndSshFromTheOfficeAreFine() {
        assertThat(check.evaluate(group(rule(443, 443, "0.0.0.0/0") + "," + rule(22, 22, TestContext.OFFICE)),
                withPublicInstance())).isEmpty();
        assertThat(check.evaluate(group(rule(22, 22, "10.0.0.0/8")), withPublicInstance())).isEmpty();
    }
}
