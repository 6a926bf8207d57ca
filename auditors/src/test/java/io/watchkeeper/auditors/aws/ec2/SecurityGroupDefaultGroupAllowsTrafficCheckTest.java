package io.watchkeeper.auditors.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class SecurityGroupDefaultGroupAllowsTrafficCheckTest {

    private final SecurityGroupDefaultGroupAllowsTrafficCheck check = new SecurityGroupDefaultGroupAllowsTrafficCheck();

    private static SecurityGroupConfig group(String name, String ingress, String egress) {
        return Configs.parse(SecurityGroupConfig.class, "{'groupId':'sg-1','groupName':'" + name + "','ingress':["
                + ingress + "],'egress':[" + egress + "]}");
    }

    private static final String SELF = "{'protocol':'-1','sourceType':'security-group','source':'111111111111/sg-1'}";
    private static final String ALL_OUT = "{'protocol':'-1','sourceType':'cidr4','source':'0.0.0.0/0'}";

    @Test
    void theDefaultRulesOfTheDefaultGroupAreReported() {
        var evidence = check.evaluate(group("default", SELF, ALL_OUT), new TestContext());
        assertThat(evidence).extracting(Evidence::key)
                .containsExactly("ingress:-1:null-null:111111111111/sg-1", "egress:-1:null-null:0.0.0.0/0");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.INTERNAL);
    }

    @Test
    void anEmptyDefaultGroupAndOtherGroupsWithRulesAreFine() {
        assertThat(check.evaluate(group("default", "", ""), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(SecurityGroupConfig.class, "{'groupName':'default'}"), new TestContext()))
                .isEmpty();
        assertThat(check.evaluate(group("web", SELF, ALL_OUT), new TestContext())).isEmpty();
    }
}
