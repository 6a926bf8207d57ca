package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.watchers.testing.GitHubTestServer;
import io.watchkeeper.web.testing.CliHarness;
import io.watchkeeper.web.testing.InProcessCli;
import io.watchkeeper.web.testing.WebApp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * GitHub organisations end to end against the loopback test server: {@code accounts add github} (App
 * key or token, owner-only files), {@code accounts test} naming missing App permissions, {@code scan}
 * and {@code items list} with history; the secret sealed and never in a table, an answer, the
 * command line's output or the audit log.
 */
class GitHubAccountsTest {

    private static GitHubTestServer server;
    private static WebApp app;
    private static final List<String> outputs = new ArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = GitHubTestServer.start();
        app = WebApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
        server.close();
    }

    private static CliHarness.Run cli(String... args) {
        CliHarness.Run run = InProcessCli.run(app.context, args);
        outputs.add(run.out() + run.err());
        return run;
    }

    private static Path secretFile(String name, byte[] content, String mode) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void anAppAccountIsAddedTestedScannedAndListedWithHistoryAndItsKeyStaysSealed() throws IOException {
        byte[] pem = server.appKeyPem();
        String keyFragment = new String(pem, StandardCharsets.US_ASCII).lines().skip(3).findFirst().orElseThrow();
        Path readable = secretFile("readable.pem", pem, "rw-r--r--");
        CliHarness.Run refused = cli("accounts", "add", "github", "--name", "acme", "--org", "acme-corp",
                "--app-id", "" + GitHubTestServer.APP_ID, "--app-key", readable.toString(), "--endpoint", server.endpoint());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error: ").contains("owner-only").contains("chmod 600");
        assertThat(app.bean(AccountStore.class).findByName("acme")).isEmpty();

        Path key = secretFile("app.pem", pem, "rw-------");
        CliHarness.Run add = cli("accounts", "add", "github", "--name", "acme", "--org", "acme-corp",
                "--app-id", "" + GitHubTestServer.APP_ID, "--app-key", key.toString(), "--endpoint", server.endpoint());
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("added account acme").contains("sealed");

        CliHarness.Run test = cli("accounts", "test", "acme");
        assertThat(test.exit()).as(test.out() + test.err()).isEqualTo(1);
        assertThat(test.out()).contains("reached organisation acme-corp (id 9001001) through App installation 77")
                .contains("missing GitHub App permissions: actions:read");

        CliHarness.Run scan = cli("scan", "--account", "acme");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
        CliHarness.Run list = cli("items", "list", "--account", "acme", "--type", "github.repository", "--format", "json");
        assertThat(list.exit()).isZero();
        JsonNode repos = Json.parse(list.out());
        List<String> ids = new ArrayList<>();
        repos.forEach(r -> ids.add(r.path("resourceId").asString()));
        assertThat(ids).contains("/repos/acme-corp/web", "/repos/acme-corp/api", "/repos/acme-corp/tools-fork");

        synchronized (server.org()) {
            server.org().secondState();
        }
        assertThat(cli("scan", "--account", "acme").exit()).isZero();
        CliHarness.Run orgs = cli("items", "list", "--account", "acme", "--type", "github.organization", "--format", "json");
        long orgItem = Json.parse(orgs.out()).get(0).path("id").asLong();
        CliHarness.Run history = cli("items", "history", "" + orgItem);
        assertThat(history.exit()).isZero();
        assertThat(history.out()).contains("twoFactorRequirementEnabled");
        CliHarness.Run deleted = cli("items", "list", "--account", "acme", "--type", "github.repository", "--deleted",
                "--format", "json");
        assertThat(deleted.out()).contains("/repos/acme-corp/tools-fork").contains("/repos/acme-corp/new-service");

        // the App's other installations: acme-corp is known, other-org would be added
        CliHarness.Run dryRun = cli("accounts", "discover", "github", "--app-id", "" + GitHubTestServer.APP_ID,
                "--app-key", key.toString(), "--endpoint", server.endpoint(), "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("would add other-org (organisation other-org, installation 99")
                .doesNotContain("acme-corp").contains("0 account(s) added");
        assertThat(app.bean(AccountStore.class).findByName("other-org")).isEmpty();
        CliHarness.Run discovered = cli("accounts", "discover", "github", "--app-id", "" + GitHubTestServer.APP_ID,
                "--app-key", key.toString(), "--endpoint", server.endpoint());
        assertThat(discovered.out()).contains("added other-org").contains("1 account(s) added");
        assertThat(app.bean(AccountStore.class).require("other-org").externalId()).isEqualTo("other-org");

        // replacing the key: the same kind only, audited without the value
        Path tokenFile = secretFile("token.txt", server.personalToken().getBytes(StandardCharsets.US_ASCII), "rw-------");
        CliHarness.Run wrongKind = cli("accounts", "set-secret", "acme", "--token-file", tokenFile.toString());
        assertThat(wrongKind.exit()).isEqualTo(2);
        assertThat(wrongKind.err()).contains("GitHub App").contains("--app-key");
        CliHarness.Run replaced = cli("accounts", "set-secret", "acme", "--app-key", key.toString());
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(app.db.dsl().fetchValue("SELECT after::text FROM audit_log WHERE action = 'account.secret.replace' "
                + "AND target = 'account:acme'").toString()).contains("App key replaced");
        assertThat(cli("accounts", "test", "acme").out()).contains("through App installation 77");

        // the key: sealed in the database, nowhere in clear
        assertNowhere(keyFragment);
        assertNowhere("BEGIN RSA PRIVATE KEY");
        assertThat(app.db.dsl().fetchValue("SELECT after::text FROM audit_log WHERE action = 'account.add' "
                + "AND target = 'account:acme'").toString()).contains("App key set");
    }

    @Test
    void tokenAccountsThroughTheApiAndTheConsoleNeverShowTheirToken() {
        String token = server.personalToken();
        WebApp.Session api = app.session().bearer(app.token("admin", Role.ADMIN));
        HttpResponse<String> added = api.json("POST", "/api/v1/accounts/github", Json.write(Map.of("name", "elsewhere",
                "organization", "elsewhere-org", "endpoint", server.endpoint(), "token", token)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("elsewhere-org").doesNotContain(token);
        HttpResponse<String> bad = api.json("POST", "/api/v1/accounts/github", Json.write(Map.of("name", "both",
                "organization", "both-org", "token", token, "appId", 1)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(app.bean(AccountStore.class).findByName("both")).isEmpty();

        long id = app.bean(AccountStore.class).require("elsewhere").id();
        HttpResponse<String> test = api.json("POST", "/api/v1/accounts/" + id + "/test", null);
        assertThat(Json.parse(test.body()).get("ok").asBoolean()).isFalse();
        assertThat(Json.parse(test.body()).get("error").asString()).contains("elsewhere-org").contains("404");

        WebApp.Session console = app.session();
        console.login("admin", WebApp.ADMIN_PASSWORD);
        console.get("/accounts");
        HttpResponse<String> form = console.post("/accounts/github", Map.of("name", "console-org", "organization",
                "console-org", "endpoint", server.endpoint(), "token", token), true);
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(app.bean(AccountStore.class).findByName("console-org")).isPresent();
        assertThat(console.get("/accounts").body()).contains("console-org").contains("GitHub organisation")
                .doesNotContain(token);
        outputs.add(api.get("/api/v1/accounts").body());
        outputs.add(api.get("/api/v1/audit-log").body());
        assertNowhere(token);
        assertNowhere(token.substring(4));
    }

    /** Not in any table, any command output, any API answer collected. */
    private static void assertNowhere(String secret) {
        for (String table : app.db.dsl().fetchValues("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").stream().map(Object::toString).toList()) {
            assertThat(app.db.dsl().fetchValue("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?",
                    "%" + secret + "%")).as(table).isEqualTo(0L);
        }
        assertThat(outputs).noneMatch(o -> o.contains(secret));
    }
}
