package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.group;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.rule;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.withPublicInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class SecurityGroupAllPortsOpenCheckTest {

    private final SecurityGroupAllPortsOpenCheck check = new SecurityGroupAllPortsOpenCheck();

    @Test
    void allTrafficFromTheInternetOnAPublicInstance() {
        var evidence = check.evaluate(group(rule("-1", null, null, "0.0.0.0/0")), withPublicInstance());
        assertThat(evidence).extracting(Evidence::key).containsExactly("ingress:-1:null-null:0.0.0.0/0");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(evidence.getFirst().message()).startsWith("all traffic open to 0.0.0.0/0");
    }

    @Test
    void fullAndWideTcpOrUdpRangesCount() {
        var evidence = check.evaluate(group(rule("tcp", 0, 65535, "::/0") + "," + rule("udp", 1000, 1999, "0.0.0.0/0")
                + "," + rule("tcp", 1000, 1998, "0.0.0.0/0")), new TestContext());
        assertThat(evidence).extracting(Evidence::key)
                .containsExactly("ingress:tcp:0-65535:::/0", "ingress:udp:1000-1999:0.0.0.0/0");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.INTERNAL);
    }

    @Test
    void narrowRangesIcmpAndNonInternetSourcesAreFine() {
        assertThat(check.evaluate(group(rule("tcp", 443, 443, "0.0.0.0/0") + "," + rule("icmp", -1, -1, "0.0.0.0/0")
                + "," + rule("-1", null, null, "10.0.0.0/8") + "," + rule("-1", null, null, TestContext.OFFICE)
                + "," + rule("tcp", 0, 65535, TestContext.FRIENDLY + "/sg-2")), withPublicInstance())).isEmpty();
    }
}
