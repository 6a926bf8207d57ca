package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.group;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.rule;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.withPublicInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class SecurityGroupServicePortOpenCheckTest {

    private final SecurityGroupServicePortOpenCheck check = new SecurityGroupServicePortOpenCheck();

    @Test
    void telnetAndSmbOpenToTheWorldAreOneFindingEach() {
        var evidence = check.evaluate(group(rule("tcp", 23, 23, "0.0.0.0/0") + "," + rule("tcp", 445, 445, "::/0")),
                withPublicInstance());
        assertThat(evidence).extracting(Evidence::key)
                .containsExactlyInAnyOrder("ingress:tcp:23-23:0.0.0.0/0:23", "ingress:tcp:445-445:::/0:445");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.INTERNET);
        assertThat(evidence.getFirst().message()).contains("Telnet (23)");
    }

    @Test
    void aRangeNamesEveryServicePortItCovers() {
        var evidence = check.evaluate(group(rule("tcp", 2370, 2380, "0.0.0.0/0")), new TestContext());
        assertThat(evidence).extracting(Evidence::key)
                .containsExactlyInAnyOrder("ingress:tcp:2370-2380:0.0.0.0/0:2375", "ingress:tcp:2370-2380:0.0.0.0/0:2379");
    }

    @Test
    void halvesThatTogetherCoverTheInternetAreFound() {
        var evidence = check.evaluate(group(rule("tcp", 9092, 9092, "0.0.0.0/1") + "," + rule("tcp", 9092, 9092,
                "128.0.0.0/1")), new TestContext());
        assertThat(evidence).hasSize(1);
        assertThat(evidence.getFirst().key()).startsWith("ingress-union:").contains("9092");
    }

    @Test
    void lookAlikesAreClean() {
        assertThat(check.evaluate(group(rule("tcp", 443, 443, "0.0.0.0/0") + "," + rule("tcp", 80, 80, "::/0")),
                withPublicInstance())).as("web ports").isEmpty();
        assertThat(check.evaluate(group(rule("tcp", 445, 445, "10.0.0.0/8") + "," + rule("tcp", 23, 23,
                TestContext.OFFICE)), withPublicInstance())).as("private and trusted sources").isEmpty();
        assertThat(check.evaluate(group(rule("udp", 389, 389, "0.0.0.0/0")), withPublicInstance()))
                .as("UDP is not these TCP services").isEmpty();
        assertThat(check.evaluate(group(rule("-1", null, null, "0.0.0.0/0")), withPublicInstance()))
                .as("all traffic is the all-ports check's finding").isEmpty();
    }
}
