package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.watchers.testing.GitHubTestServer;
import io.watchkeeper.web.remediation.RemediationService;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.testing.CliHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * GitHub end to end through the command line against the loopback test server: {@code accounts add github},
 * {@code scan}, GitHub findings in every output format, the CIS GitHub compliance report, and a remediation
 * planned, approved by another person, applied, verified by re-watching and rolled back — with the server's
 * request log showing exactly the writes sent.
 */
class GitHubRemediationRoundTripTest {

    private static final Caller ALICE = new Caller("alice", Role.JUSTIFIER, AccountScope.ALL, "password");
    private static final String WEB_ACTIONS = "/repos/acme-corp/web/actions/permissions";

    @TempDir
    Path dir;
    private GitHubTestServer server;
    private CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        server = GitHubTestServer.start();
        cli = new CliHarness();
        Path token = dir.resolve("token.txt");
        Files.writeString(token, server.personalToken(), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        CliHarness.Run add = cli.run("accounts", "add", "github", "--name", "gh", "--org", "acme-corp", "--token-file",
                token.toString(), "--endpoint", server.endpoint());
        assertThat(add.exit()).as(add.err()).isZero();
        CliHarness.Run scan = cli.run("scan", "--account", "gh");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
    }

    @AfterEach
    void tearDown() {
        cli.close();
        server.close();
    }

    private JsonNode findings(String check) {
        CliHarness.Run run = cli.run("findings", "list", "--account", "gh", "--check", check, "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        return Json.parse(run.out());
    }

    private String status(String remediationId) {
        return Json.parse(cli.run("remediations", "show", remediationId, "--format", "json").out()).get("status").asString();
    }

    private List<String> writes() {
        List<String> out = new ArrayList<>();
        server.requests().stream().filter(r -> !r.method().equals("GET"))
                .forEach(r -> out.add(r.method() + " " + r.path() + " " + r.body()));
        return out;
    }

    @Test
    void scanFindsGitHubProblemsInEveryFormatAndTheCisGitHubReportFailsTheirControls() {
        JsonNode unprotected = findings("github.branch-protection/unprotected");
        List<String> resources = new ArrayList<>();
        unprotected.forEach(f -> resources.add(f.get("resourceId").asString()));
        assertThat(resources).contains("/repos/acme-corp/docs/branches/main/protection")
                .doesNotContain("/repos/acme-corp/web/branches/main/protection", "/repos/acme-corp/legacy/branches/main/protection");
        assertThat(findings("github.actions-permissions/default-token-write")).hasSize(1);
        assertThat(findings("github.webhook/tls-verification-off").size()).isPositive();

        JsonNode sarif = Json.parse(cli.run("findings", "list", "--account", "gh", "--format", "sarif").out());
        assertThat(sarif.at("/runs/0/results").toString()).contains("github.branch-protection/unprotected");
        assertThat(sarif.at("/runs/0/tool/driver/rules").toString()).contains("GitHubBranchProtectionUnprotected");
        JsonNode ocsf = Json.parse(cli.run("findings", "list", "--account", "gh", "--format", "ocsf").out());
        assertThat(ocsf.toString()).contains("/repos/acme-corp/docs/branches/main/protection");

        CliHarness.Run report = cli.run("compliance", "--framework", "cis-github-1.2.0", "--account", "gh", "--format", "json");
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("1.1.20").contains("fail");
        CliHarness.Run aws = cli.run("compliance", "--framework", "cis-aws-3.0", "--account", "gh");
        assertThat(aws.exit()).as("a GitHub account is not in an AWS framework").isEqualTo(2);
    }

    @Test
    void theReadOnlyTokenRemediationRunsEndToEndAndRollsBack() {
        JsonNode found = findings("github.actions-permissions/default-token-write");
        assertThat(found.get(0).get("resourceId").asString()).isEqualTo(WEB_ACTIONS);
        String findingId = found.get(0).get("id").asString();
        assertThat(cli.run("remediations", "mode", "github.actions-permissions/read-only-token", "approval", "--account", "gh")
                .exit()).isZero();
        CliHarness.Run plan = cli.run("remediations", "plan", findingId, "--format", "json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        JsonNode planned = Json.parse(plan.out());
        String id = planned.get("id").asString();
        assertThat(planned.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(planned.at("/plan/calls/0/parameters/Path").asString()).isEqualTo(WEB_ACTIONS + "/workflow");
        assertThat(writes()).as("planning writes nothing").isEmpty();

        assertThat(cli.bean(RemediationService.class).approve(Long.parseLong(id), ALICE).status())
                .isEqualTo(RemediationStatus.APPROVED);
        CliHarness.Run apply = cli.run("remediations", "apply", id);
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(status(id)).isEqualTo("VERIFIED");
        assertThat(writes()).containsExactly("PUT " + WEB_ACTIONS + "/workflow {\"default_workflow_permissions\":\"read\"}");
        synchronized (server.org()) {
            assertThat(server.org().repos.get("web").workflow.get("default_workflow_permissions").asString()).isEqualTo("read");
        }
        JsonNode fixed = Json.parse(cli.run("findings", "show", findingId, "--format", "json").out());
        assertThat(fixed.at("/finding/status").asString()).isEqualTo("FIXED");

        server.clearRequests();
        CliHarness.Run rollback = cli.run("remediations", "rollback", id);
        assertThat(rollback.exit()).as(rollback.out() + rollback.err()).isZero();
        assertThat(status(id)).isEqualTo("ROLLED_BACK");
        assertThat(writes()).containsExactly("PUT " + WEB_ACTIONS + "/workflow {\"default_workflow_permissions\":\"write\"}");
        JsonNode back = Json.parse(cli.run("findings", "show", findingId, "--format", "json").out());
        assertThat(back.at("/finding/status").asString()).isEqualTo("REGRESSED");
    }

    @Test
    void theDeployKeyRemediationIsNeverAutomatic() {
        CliHarness.Run automatic = cli.run("remediations", "mode", "github.deploy-key/delete-write-key", "automatic",
                "--account", "gh");
        assertThat(automatic.exit()).isEqualTo(2);
        assertThat(automatic.err()).startsWith("error: ").contains("never runs automatically");
        assertThat(cli.run("remediations", "mode", "github.organization/require-two-factor", "automatic").exit()).isEqualTo(2);
        assertThat(cli.run("remediations", "mode", "github.deploy-key/delete-write-key", "approval", "--account", "gh")
                .exit()).isZero();
    }
}
