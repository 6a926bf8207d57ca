package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpTestServer;
import io.watchkeeper.web.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * GCP through the command line against the loopback GCP test server ({@code watchkeeper.gcp.endpoint}):
 * add a project, test it (missing permissions by name), scan it twice over two states (items with
 * history), discovery, key-file checks and the custom role.
 */
class GcpAccountsCliTest {

    private static GcpTestServer server;
    private static CliHarness cli;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = GcpTestServer.withOrganisation();
        cli = new CliHarness("--watchkeeper.gcp.endpoint=" + server.endpoint(), "--watchkeeper.gcp.max-attempts=2",
                "--watchkeeper.gcp.initial-backoff=5ms");
    }

    @AfterAll
    static void stop() {
        cli.close();
        server.close();
    }

    private static List<JsonNode> items(String account) {
        CliHarness.Run run = cli.run("items", "list", "--account", account, "--deleted", "--limit", "1000", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        return StreamSupport.stream(Json.parse(run.out()).spliterator(), false).toList();
    }

    private static JsonNode item(List<JsonNode> items, String type, String name) {
        return items.stream().filter(i -> i.get("type").asString().equals(type) && i.get("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + name));
    }

    @Test
    void addTestAndScanAProjectTwiceStoresGcpItemsWithHistory() {
        CliHarness.Run add = cli.run("accounts", "add", "gcp", "--name", "custodian", "--project-id", GcpTestOrg.PROJECT,
                "--credentials", "none");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("added project custodian (cloud-custodian)");
        CliHarness.Run list = cli.run("accounts", "list", "--format", "json");
        assertThat(list.out()).contains("\"provider\" : \"gcp\"").contains("\"credentials\" : \"none\"");

        CliHarness.Run test = cli.run("accounts", "test", "custodian");
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("reached project cloud-custodian (number " + GcpTestOrg.PROJECT_NUMBER + ")");
        server.deny("compute.firewalls.list");
        server.deny("cloudkms.cryptoKeys.getIamPolicy");
        CliHarness.Run denied = cli.run("accounts", "test", "custodian", "--format", "json");
        assertThat(denied.exit()).isEqualTo(1);
        assertThat(Json.parse(denied.out()).get("missingPermissions").toString())
                .isEqualTo("[\"cloudkms.cryptoKeys.getIamPolicy\",\"compute.firewalls.list\"]");

        CliHarness.Run scan = cli.run("scan", "--account", "custodian");
        assertThat(scan.out() + scan.err()).doesNotContain("FAILED");
        List<JsonNode> first = items("custodian");
        assertThat(first).hasSize(78);
        assertThat(item(first, "gcp.compute.backend-service", "europe-west1/web-legacy").get("resourceId").asString())
                .isEqualTo("//compute.googleapis.com/projects/cloud-custodian/regions/europe-west1/backendServices/web-legacy");
        assertThat(item(first, "gcp.compute.firewall", "test").get("resourceId").asString())
                .isEqualTo("//compute.googleapis.com/projects/cloud-custodian/global/firewalls/test");

        GcpTestOrg.secondState(server);
        CliHarness.Run again = cli.run("scan", "--account", "custodian", "--type", "gcp.compute.firewall",
                "--type", "gcp.storage.bucket", "--type", "gcp.compute.network");
        assertThat(again.out() + again.err()).doesNotContain("FAILED");
        List<JsonNode> second = items("custodian");
        assertThat(item(second, "gcp.compute.firewall", "test").get("revisions").asInt()).isEqualTo(2);
        assertThat(item(second, "gcp.storage.bucket", "cloud-custodian-test-2").get("deleted").asBoolean()).isTrue();
        assertThat(item(second, "gcp.compute.network", "staging-vpc").get("revisions").asInt()).isEqualTo(1);
        assertThat(item(second, "gcp.storage.bucket", "wk-logs").get("revisions").asInt()).isEqualTo(1);
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedAndNothingIsAdded() throws Exception {
        Path key = dir.resolve("key.json");
        Files.writeString(key, "{}");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
        CliHarness.Run add = cli.run("accounts", "add", "gcp", "--name", "leaky", "--project-id", "leaky-project",
                "--credentials", key.toString());
        assertThat(add.exit()).isEqualTo(2);
        assertThat(add.err()).startsWith("error: credentials file").contains("readable by its owner only");
        assertThat(cli.run("accounts", "list").out()).doesNotContain("leaky");
        CliHarness.Run bad = cli.run("accounts", "add", "gcp", "--name", "bad", "--project-id", "Not_A_Project");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("invalid GCP project id");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        CliHarness.Run ok = cli.run("accounts", "add", "gcp", "--name", "keyed", "--project-id", "keyed-project",
                "--credentials", key.toString(), "--impersonate", "reader@keyed-project.iam.gserviceaccount.com");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(cli.run("accounts", "list", "--format", "json").out()).contains("\"credentials\" : \"file:" + key + "\"")
                .contains("reader@keyed-project.iam.gserviceaccount.com").doesNotContain("{}");
        cli.run("accounts", "disable", "keyed");
    }

    @Test
    void discoveryListsTheOrganisationsProjectsThroughItsFolders() {
        CliHarness.Run dry = cli.run("accounts", "discover", "gcp", "--organization", GcpTestOrg.ORG, "--credentials", "none",
                "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would add " + GcpTestOrg.DEV + " (" + GcpTestOrg.DEV + ", under folders/" + GcpTestOrg.FOLDER + ")")
                .contains("would add " + GcpTestOrg.EMPTY).contains("0 project(s) added");
        assertThat(cli.run("accounts", "list").out()).doesNotContain(GcpTestOrg.EMPTY);
        CliHarness.Run folder = cli.run("accounts", "discover", "gcp", "--organization", GcpTestOrg.ORG, "--folder",
                GcpTestOrg.FOLDER, "--credentials", "none");
        assertThat(folder.out()).contains("added " + GcpTestOrg.DEV).doesNotContain(GcpTestOrg.EMPTY).contains("1 project(s) added");
        cli.run("accounts", "disable", GcpTestOrg.DEV);
        assertThat(cli.run("accounts", "discover", "gcp", "--organization", "org-1").exit()).isEqualTo(2);
    }

    @Test
    void theCustomRoleListsEveryPermissionTheGcpWatchersNeed() {
        CliHarness.Run role = cli.run("types", "--iam-policy", "--provider", "gcp");
        assertThat(role.exit()).isZero();
        JsonNode permissions = Json.parse(role.out()).get("includedPermissions");
        assertThat(permissions.toString()).contains("compute.firewalls.list", "iam.serviceAccountKeys.list",
                "resourcemanager.projects.getIamPolicy", "storage.buckets.getIamPolicy").doesNotContain(":");
        assertThat(cli.run("types", "--iam-policy").out()).contains("s3:GetBucketPolicy").doesNotContain("compute.firewalls.list");
    }
}
