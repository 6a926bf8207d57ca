package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.group;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.rule;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.withPublicInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class SecurityGroupOtherPortOpenCheckTest {

    private final SecurityGroupOtherPortOpenCheck check = new SecurityGroupOtherPortOpenCheck();

    @Test
    void anApplicationPortOpenToTheWorldIsOneFindingPerRule() {
        var evidence = check.evaluate(group(rule("tcp", 8080, 8080, "0.0.0.0/0") + "," + rule("udp", 51820, 51820, "::/0")),
                withPublicInstance());
        assertThat(evidence).extracting(Evidence::key)
                .containsExactlyInAnyOrder("ingress:tcp:8080-8080:0.0.0.0/0", "ingress:udp:51820-51820:::/0");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.INTERNET);
    }

    @Test
    void webPortsPrivateSourcesAndRulesOtherChecksReportAreClean() {
        assertThat(check.evaluate(group(rule("tcp", 443, 443, "0.0.0.0/0") + "," + rule("tcp", 80, 80, "::/0")),
                withPublicInstance())).as("a web server").isEmpty();
        assertThat(check.evaluate(group(rule("tcp", 8080, 8080, "10.0.0.0/8") + "," + rule("tcp", 8443, 8443,
                TestContext.OFFICE)), withPublicInstance())).as("private and trusted sources").isEmpty();
        assertThat(check.evaluate(group(rule("tcp", 22, 22, "0.0.0.0/0") + "," + rule("tcp", 3000, 6000, "0.0.0.0/0")
                + "," + rule("tcp", 23, 23, "0.0.0.0/0") + "," + rule("-1", null, null, "0.0.0.0/0")), withPublicInstance()))
                .as("admin, database, service and all-ports rules are their own checks' findings").isEmpty();
        assertThat(check.evaluate(group(rule("icmp", -1, -1, "0.0.0.0/0")), withPublicInstance())).as("ICMP").isEmpty();
    }
}
