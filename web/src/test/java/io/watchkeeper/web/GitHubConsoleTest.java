package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GitHubTestServer;
import io.watchkeeper.web.testing.CliHarness;
import io.watchkeeper.web.testing.InProcessCli;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GitHub items and findings in the console, the API and the CLI, with the provider filter. */
class GitHubConsoleTest {

    private static GitHubTestServer server;
    private static WebApp app;

    @BeforeAll
    static void start() {
        server = GitHubTestServer.start();
        app = WebApp.start();
        WebApp.Session api = app.session().bearer(app.token("admin", Role.ADMIN));
        HttpResponse<String> added = api.json("POST", "/api/v1/accounts/github", Json.write(Map.of("name", "gh",
                "organization", "acme-corp", "endpoint", server.endpoint(), "token", server.personalToken())));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        CliHarness.Run scan = InProcessCli.run(app.context, "scan", "--account", "gh");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
    }

    @AfterAll
    static void stop() {
        app.close();
        server.close();
    }

    @Test
    void theConsoleFiltersItemsAndFindingsByProvider() {
        WebApp.Session console = app.session();
        console.login("admin", WebApp.ADMIN_PASSWORD);
        String github = console.get("/items?provider=github").body();
        assertThat(github).contains("github.repository").contains("github.branch-protection").contains("id=\"provider\"");
        assertThat(console.get("/items?provider=aws").body()).doesNotContain("github.repository");
        assertThat(console.get("/items?provider=github&type=github.webhook").body()).as("a type wins")
                .contains("github.webhook").doesNotContain("github.repository<");
        assertThat(console.get("/findings?provider=github").body()).contains("github.branch-protection/unprotected");
        assertThat(console.get("/findings?provider=gcp").body()).doesNotContain("github.branch-protection/unprotected");
        assertThat(console.get("/items?provider=nope").statusCode()).isEqualTo(400);
    }

    @Test
    void theCliAndTheApiTakeAProviderAsTheType() {
        CliHarness.Run items = InProcessCli.run(app.context, "items", "list", "--type", "github", "--format", "json");
        assertThat(items.exit()).as(items.err()).isZero();
        assertThat(Json.parse(items.out()).size()).isPositive();
        Json.parse(items.out()).forEach(i -> assertThat(i.get("type").asString()).startsWith("github."));
        CliHarness.Run none = InProcessCli.run(app.context, "items", "list", "--type", "aws", "--format", "json");
        assertThat(Json.parse(none.out()).size()).isZero();
        WebApp.Session api = app.session().bearer(app.token("admin", Role.ADMIN));
        HttpResponse<String> findings = api.get("/api/v1/findings?type=github");
        assertThat(findings.statusCode()).isEqualTo(200);
        assertThat(findings.body()).contains("github.webhook/").doesNotContain("\"aws.");
    }
}
