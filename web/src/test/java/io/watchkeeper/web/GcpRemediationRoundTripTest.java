package io.watchkeeper.web;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpTestServer;
import io.watchkeeper.web.remediation.RemediationService;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.testing.CliHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A GCP project served by the test server, end to end through the command line: scan, findings with CIS GCP
 * ids, the CIS GCP compliance report, and a remediation planned, approved, applied on the server, verified by
 * re-watching, and rolled back.
 */
class GcpRemediationRoundTripTest {

    private static final Caller ALICE = new Caller("alice", Role.JUSTIFIER, AccountScope.ALL, "password");
    private static final String RULE = "/compute/v1/projects/cloud-custodian/global/firewalls/allow-inbound-xyz";
    private GcpTestServer server;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        server = GcpTestServer.withOrganisation();
        cli = new CliHarness("--watchkeeper.gcp.endpoint=" + server.endpoint(), "--watchkeeper.gcp.max-attempts=2",
                "--watchkeeper.gcp.initial-backoff=5ms");
        assertThat(cli.run("accounts", "add", "gcp", "--name", "custodian", "--project-id", GcpTestOrg.PROJECT,
                "--credentials", "none").exit()).isZero();
    }

    @AfterEach
    void tearDown() {
        cli.close();
        server.close();
    }

    private JsonNode findings(String check) {
        CliHarness.Run run = cli.run("findings", "list", "--check", check, "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        return Json.parse(run.out());
    }

    @Test
    void findingsCarryCisGcpIdsAndTheComplianceReportDecidesGcpControls() {
        CliHarness.Run scan = cli.run("scan", "--account", "custodian");
        assertThat(scan.out() + scan.err()).doesNotContain("FAILED");
        JsonNode open = findings("gcp.compute.firewall/all-ports-open");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("resourceId").asString()).endsWith("/global/firewalls/allow-inbound-xyz");
        assertThat(open.get(0).get("controls").toString()).contains("CIS-GCP-3.0:3.6", "CIS-GCP-3.0:3.7");
        assertThat(findings("gcp.storage.bucket/public")).extracting(f -> f.get("resourceName").asString())
                .contains("cloud-custodian-test-1", "cloud-custodian-test-2").doesNotContain("wk-logs");
        assertThat(findings("gcp.sql.instance/open-to-internet")).extracting(f -> f.get("resourceName").asString())
                .contains("wk-mysql");
        CliHarness.Run sarif = cli.run("findings", "list", "--check", "gcp.*", "--format", "sarif");
        assertThat(sarif.exit()).isZero();
        assertThat(sarif.out()).contains("gcp.compute.firewall/all-ports-open");

        CliHarness.Run report = cli.run("compliance", "--framework", "cis-gcp-3.0", "--account", "custodian", "--format", "json");
        assertThat(report.exit()).as(report.err()).isZero();
        JsonNode controls = Json.parse(report.out()).get("controls");
        assertThat(state(controls, "3.6")).isEqualTo("FAIL");
        assertThat(state(controls, "3.2")).as("legacy-net").isEqualTo("FAIL");
        assertThat(state(controls, "5.2")).as("cloud-custodian-test-2").isEqualTo("FAIL");
        assertThat(state(controls, "1.1")).isEqualTo("MANUAL");
        // decided from the backend services: the classic HTTP one logs nothing
        assertThat(state(controls, "2.16")).as("web-legacy").isEqualTo("FAIL");
        // decided from the contacts, Access Approval, disks, tables and clusters the project's watch read
        assertThat(state(controls, "1.16")).as("the legal contact failed validation").isEqualTo("FAIL");
        assertThat(state(controls, "2.15")).as("enrolled").isEqualTo("PASS");
        assertThat(state(controls, "4.7")).as("payments-db").isEqualTo("FAIL");
        assertThat(state(controls, "7.2")).as("raw_clicks").isEqualTo("FAIL");
        assertThat(state(controls, "7.3")).as("analytics has a default key").isEqualTo("PASS");
        assertThat(state(controls, "8.1")).as("adhoc").isEqualTo("FAIL");
        // the critical disk with only a KMS key is reported; the critical CSEK disk and the unmarked disks are not
        assertThat(findings("gcp.compute.disk/critical-not-csek")).extracting(f -> f.get("resourceName").asString())
                .containsExactly("payments-db");
        // only the global HTTP service without logging; not its namesake logging at rate 0, nor the TCP one
        assertThat(findings("gcp.compute.backend-service/logging-off")).singleElement().satisfies(f -> {
            assertThat(f.get("resourceId").asString()).endsWith("/global/backendServices/web-legacy");
            assertThat(f.get("controls").toString()).contains("CIS-GCP-3.0:2.16");
        });
        assertThat(findings("gcp.bigquery.table/no-cmek")).extracting(f -> f.get("resourceName").asString())
                .containsExactly("analytics.raw_clicks");
        assertThat(findings("gcp.dataproc.cluster/no-cmek")).singleElement()
                .satisfies(f -> assertThat(f.get("controls").toString()).contains("CIS-GCP-3.0:8.1"));
        CliHarness.Run wrong = cli.run("compliance", "--framework", "cis-aws-3.0", "--account", "custodian");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("gcp account");
    }

    private static String state(JsonNode controls, String id) {
        for (JsonNode c : controls) {
            if (c.get("id").asString().equals(id)) {
                return c.get("state").asString();
            }
        }
        throw new AssertionError("no control " + id);
    }

    @Test
    void anOpenFirewallRuleIsDisabledVerifiedAndEnabledAgainOnRollback() {
        CliHarness.Run scan = cli.run("scan", "--account", "custodian", "--type", "gcp.compute.firewall");
        assertThat(scan.out() + scan.err()).doesNotContain("FAILED");
        String findingId = findings("gcp.compute.firewall/all-ports-open").get(0).get("id").asString();
        assertThat(cli.run("remediations", "mode", "gcp.compute.firewall/disable", "approval").exit()).isZero();

        CliHarness.Run plan = cli.run("remediations", "plan", findingId, "--format", "json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        JsonNode planned = Json.parse(plan.out());
        String id = planned.get("id").asString();
        assertThat(planned.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(planned.at("/plan/calls/0/operation").asString()).isEqualTo("firewalls.patch");
        assertThat(server.requests()).noneMatch(r -> r.method().equals("PATCH"));

        RemediationView approved = cli.bean(RemediationService.class).approve(Long.parseLong(id), ALICE);
        assertThat(approved.status()).isEqualTo(RemediationStatus.APPROVED);
        server.clearRequests();
        CliHarness.Run apply = cli.run("remediations", "apply", id);
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(server.requests()).filteredOn(r -> r.method().equals("PATCH")).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo(RULE));
        assertThat(status(id)).isEqualTo("VERIFIED");
        JsonNode fixed = Json.parse(cli.run("findings", "show", findingId, "--format", "json").out());
        assertThat(fixed.at("/finding/status").asString()).isEqualTo("FIXED");

        CliHarness.Run rollback = cli.run("remediations", "rollback", id);
        assertThat(rollback.exit()).as(rollback.out() + rollback.err()).isZero();
        assertThat(status(id)).isEqualTo("ROLLED_BACK");
        JsonNode back = Json.parse(cli.run("findings", "show", findingId, "--format", "json").out());
        assertThat(back.at("/finding/status").asString()).isEqualTo("REGRESSED");
        List<String> steps = cli.db.dsl().select(AUDIT_LOG.ACTION).from(AUDIT_LOG)
                .where(AUDIT_LOG.TARGET.startsWith("remediation:" + id + ":")).orderBy(AUDIT_LOG.ID).fetch(r -> r.value1());
        assertThat(steps).containsExactly("remediation.plan", "remediation.approve", "remediation.apply.start",
                "remediation.apply.done", "remediation.verify", "remediation.rollback.start", "remediation.rollback.done");
    }

    private String status(String id) {
        return Json.parse(cli.run("remediations", "show", id, "--format", "json").out()).get("status").asString();
    }
}
