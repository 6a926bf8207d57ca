package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.group;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class SecurityGroupUnknownAccountReferenceCheckTest {

    private final SecurityGroupUnknownAccountReferenceCheck check = new SecurityGroupUnknownAccountReferenceCheck();

    @Test
    void groupOfAnUnknownAccountAndAWideUnregisteredNetwork() {
        var evidence = check.evaluate(group(rule("tcp", 443, 443, TestContext.UNKNOWN + "/sg-9") + ","
                + rule("tcp", 5432, 5432, "198.51.0.0/16") + "," + rule("tcp", 22, 22, "2001:db8::/32")), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("ingress:tcp:443-443:999999999999/sg-9",
                "ingress:tcp:5432-5432:198.51.0.0/16", "ingress:tcp:22-22:2001:db8::/32");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.UNKNOWN_ACCOUNT);
        assertThat(evidence.getFirst().message()).contains("sg-9").contains(TestContext.UNKNOWN);
    }

    @Test
    void knownAccountsTrustedNetworksSmallNetworksAndTheInternetAreNotReported() {
        assertThat(check.evaluate(group(rule("tcp", 443, 443, TestContext.FRIENDLY + "/sg-2") + ","
                + rule("tcp", 443, 443, TestContext.THIRD_PARTY + "/sg-3") + ","
                + rule("tcp", 443, 443, TestContext.OWNER + "/sg-4") + ","
                + rule("tcp", 22, 22, TestContext.OFFICE) + ","
                + rule("tcp", 22, 22, "198.51.100.0/24") + "," + rule("tcp", 22, 22, "198.51.100.7/32") + ","
                + rule("tcp", 22, 22, "2001:db8:1::/48") + ","
                + rule("tcp", 443, 443, "0.0.0.0/0") + "," + rule("tcp", 5432, 5432, "10.0.0.0/8")), new TestContext()))
                .isEmpty();
    }
}
