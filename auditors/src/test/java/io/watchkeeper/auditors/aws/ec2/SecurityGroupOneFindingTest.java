package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.group;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.rule;
import static io.watchkeeper.auditors.aws.ec2.SecurityGroupDatabasePortOpenCheckTest.withPublicInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One misconfiguration, one finding: every registered security-group check runs on the group, and
 * a rule that opens every port is reported once (all-ports), not once more per sensitive port.
 */
class SecurityGroupOneFindingTest {

    private static final String ALL_PORTS = "aws.ec2.security-group/all-ports-open";
    private static final String ADMIN = "aws.ec2.security-group/admin-port-open";
    private static final String DATABASE = "aws.ec2.security-group/database-port-open";
    private static final String SERVICE = "aws.ec2.security-group/service-port-open";

    /** "check id → evidence key" of every finding every registered security-group check makes. */
    @SuppressWarnings("unchecked")
    private static List<String> findings(SecurityGroupConfig group) {
        List<String> out = new ArrayList<>();
        for (Check<?> check : CheckRegistry.discover().forType("aws.ec2.security-group")) {
            for (Evidence e : ((Check<SecurityGroupConfig>) check).evaluate(group, withPublicInstance())) {
                out.add(check.id().id() + " " + e.key());
            }
        }
        return out;
    }

    @Test
    void allTrafficFromTheInternetIsOneFindingNotFourteen() {
        List<String> found = findings(group(rule("-1", null, null, "0.0.0.0/0")));
        assertThat(found).containsExactly(ALL_PORTS + " ingress:-1:null-null:0.0.0.0/0");
    }

    @Test
    void theAllPortsFindingNamesTheSensitivePortsAndCarriesTheAdminPortControls() {
        Evidence e = new SecurityGroupAllPortsOpenCheck().evaluate(group(rule("-1", null, null, "0.0.0.0/0")),
                withPublicInstance()).getFirst();
        assertThat(e.message()).contains("SSH (22)", "RDP (3389)", "MySQL (3306)", "PostgreSQL (5432)",
                "SQL Server (1433)", "Oracle (1521)", "MongoDB (27017)", "Redis (6379)", "Elasticsearch (9200)",
                "Redshift (5439)", "Memcached (11211)", "Cassandra (9042)");
        assertThat(e.details().get("protocol").asString()).as("evidence details stay the rule").isEqualTo("-1");
        assertThat(new SecurityGroupAllPortsOpenCheck().controls())
                .containsExactlyElementsOf(new SecurityGroupAdminPortOpenCheck().controls())
                .contains("CIS-AWS-3.0:5.2", "CIS-AWS-3.0:5.3");
    }

    @Test
    void everyTcpPortFromTheInternetSubsumesTheTcpPortFindingsOfThatSourceOnly() {
        List<String> found = findings(group(rule("tcp", 0, 65535, "0.0.0.0/0") + "," + rule("tcp", 22, 22, "0.0.0.0/0")
                + "," + rule("udp", 11211, 11211, "0.0.0.0/0") + "," + rule("tcp", 22, 22, "::/0")));
        assertThat(found).containsExactlyInAnyOrder(ALL_PORTS + " ingress:tcp:0-65535:0.0.0.0/0",
                DATABASE + " ingress:udp:11211-11211:0.0.0.0/0:11211",
                ADMIN + " ingress:tcp:22-22:::/0:22");
    }

    @Test
    void aGroupOpeningOnlySshGetsTheAdminPortFindingOnly() {
        assertThat(findings(group(rule("tcp", 22, 22, "0.0.0.0/0"))))
                .containsExactly(ADMIN + " ingress:tcp:22-22:0.0.0.0/0:22");
    }

    @Test
    void allPortsFromOneOfficeAddressDoesNotHideSshFromTheInternet() {
        assertThat(findings(group(rule("-1", null, null, "198.51.100.7/32") + "," + rule("tcp", 22, 22, "0.0.0.0/0"))))
                .containsExactly(ADMIN + " ingress:tcp:22-22:0.0.0.0/0:22");
        assertThat(findings(group(rule("-1", null, null, "::/0") + "," + rule("tcp", 22, 22, "0.0.0.0/0"))))
                .as("all ports from ::/0 and SSH from 0.0.0.0/0 are two sources: both reported")
                .containsExactlyInAnyOrder(ALL_PORTS + " ingress:-1:null-null:::/0", ADMIN + " ingress:tcp:22-22:0.0.0.0/0:22");
    }

    @Test
    void aWideRangeThatIsNotAllPortsKeepsItsPortFindings() {
        assertThat(findings(group(rule("tcp", 3000, 6000, "0.0.0.0/0")))).containsExactlyInAnyOrder(
                ALL_PORTS + " ingress:tcp:3000-6000:0.0.0.0/0",
                ADMIN + " ingress:tcp:3000-6000:0.0.0.0/0:3389",
                DATABASE + " ingress:tcp:3000-6000:0.0.0.0/0:3306",
                DATABASE + " ingress:tcp:3000-6000:0.0.0.0/0:5432",
                DATABASE + " ingress:tcp:3000-6000:0.0.0.0/0:5439",
                SERVICE + " ingress:tcp:3000-6000:0.0.0.0/0:5601",
                SERVICE + " ingress:tcp:3000-6000:0.0.0.0/0:5900",
                SERVICE + " ingress:tcp:3000-6000:0.0.0.0/0:5985",
                SERVICE + " ingress:tcp:3000-6000:0.0.0.0/0:5986");
    }
}
