package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.group;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.rule;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.withPublicInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Security-group rules evaluated as sets: sources that only together cover the internet are
 * reported (missed before, when each rule was compared with 0.0.0.0/0 alone), once per port and
 * family; sources that leave part of the internet out are not.
 */
class SecurityGroupUnionTest {

    private static final String ALL_PORTS = "aws.ec2.security-group/all-ports-open";
    private static final String ADMIN = "aws.ec2.security-group/admin-port-open";
    private static final String DATABASE = "aws.ec2.security-group/database-port-open";

    @SuppressWarnings("unchecked")
    private static List<String> findings(SecurityGroupConfig group) {
        List<String> out = new ArrayList<>();
        for (Check<?> check : CheckRegistry.discover().forType("aws.ec2.security-group")) {
            if (check.id().id().endsWith("/unknown-account-reference") || check.id().id().endsWith("/default-group-allows-traffic")) {
                continue;
            }
            for (Evidence e : ((Check<SecurityGroupConfig>) check).evaluate(group, withPublicInstance())) {
                out.add(check.id().id() + " " + e.key());
            }
        }
        return out;
    }

    @Test
    void sshFromTwoHalvesOfTheInternetIsSshFromTheInternet() {
        SecurityGroupConfig halves = group(rule("tcp", 22, 22, "0.0.0.0/1") + "," + rule("tcp", 22, 22, "128.0.0.0/1"));
        assertThat(findings(halves)).containsExactly(ADMIN + " ingress-union:tcp:22:ipv4");
        Evidence e = new SecurityGroupAdminPortOpenCheck().evaluate(halves, withPublicInstance()).getFirst();
        assertThat(e.exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(e.message()).contains("SSH (22)", "IPv4 internet", "0.0.0.0/1, 128.0.0.0/1");
        assertThat(e.details().get("rules")).hasSize(2);
    }

    @Test
    void halvesThatLeaveOutPartOfTheInternetAreNot() {
        assertThat(findings(group(rule("tcp", 22, 22, "0.0.0.0/1") + "," + rule("tcp", 22, 22, "128.0.0.0/2")))).isEmpty();
        assertThat(findings(group(rule("tcp", 22, 22, "0.0.0.0/1") + "," + rule("tcp", 23, 23, "128.0.0.0/1"))))
                .as("the other half reaches another port").isEmpty();
        assertThat(findings(group(rule("tcp", 22, 22, "0.0.0.0/1") + "," + rule("udp", 22, 22, "128.0.0.0/1"))))
                .as("the other half reaches another protocol").isEmpty();
    }

    @Test
    void everyPublicRangeWithoutThePrivateOnesIsTheInternet() {
        String publicRanges = String.join(",", List.of(rule("tcp", 5432, 5432, "1.0.0.0/8"), rule("tcp", 5432, 5432, "2.0.0.0/7"),
                rule("tcp", 5432, 5432, "4.0.0.0/6"), rule("tcp", 5432, 5432, "8.0.0.0/7"), rule("tcp", 5432, 5432, "11.0.0.0/8"),
                rule("tcp", 5432, 5432, "12.0.0.0/6"), rule("tcp", 5432, 5432, "16.0.0.0/4"), rule("tcp", 5432, 5432, "32.0.0.0/3"),
                rule("tcp", 5432, 5432, "64.0.0.0/2"), rule("tcp", 5432, 5432, "128.0.0.0/1")));
        assertThat(findings(group(publicRanges))).containsExactly(DATABASE + " ingress-union:tcp:5432:ipv4");
        assertThat(findings(group(publicRanges.replace("128.0.0.0/1", "128.0.0.0/2"))))
                .as("192.0.0.0/2 left out").isEmpty();
    }

    @Test
    void ipv6GlobalUnicastAloneIsTheInternet() {
        assertThat(findings(group(rule("tcp", 3389, 3389, "2000::/3")))).containsExactly(ADMIN + " ingress:tcp:3389-3389:2000::/3:3389");
        assertThat(findings(group(rule("tcp", 3389, 3389, "2001:db8::/32")))).isEmpty();
    }

    @Test
    void allTrafficFromTwoHalvesIsOneAllPortsFindingThatSubsumesThePorts() {
        assertThat(findings(group(rule("-1", null, null, "0.0.0.0/1") + "," + rule("-1", null, null, "128.0.0.0/1")
                + "," + rule("tcp", 22, 22, "0.0.0.0/1"))))
                .containsExactly(ALL_PORTS + " ingress-union:all:all:ipv4");
        assertThat(findings(group(rule("tcp", 0, 65535, "0.0.0.0/1") + "," + rule("tcp", 0, 65535, "128.0.0.0/1"))))
                .containsExactly(ALL_PORTS + " ingress-union:tcp:all:ipv4");
    }

    @Test
    void aRuleThatAloneOpensTheFamilyKeepsItsOwnFindingAndNoUnionIsAdded() {
        assertThat(findings(group(rule("tcp", 22, 22, "0.0.0.0/0") + "," + rule("tcp", 22, 22, "0.0.0.0/1") + ","
                + rule("tcp", 22, 22, "128.0.0.0/1")))).containsExactly(ADMIN + " ingress:tcp:22-22:0.0.0.0/0:22");
    }
}
