package io.watchkeeper.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpTestServer;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GCP projects through the API and the console's add form: the same AccountAdmin, the same checks. */
class GcpAccountsApiTest {

    private static GcpTestServer server;
    private static WebApp app;

    @BeforeAll
    static void start() {
        server = GcpTestServer.withOrganisation();
        app = WebApp.start("--watchkeeper.gcp.endpoint=" + server.endpoint(), "--watchkeeper.gcp.max-attempts=2");
    }

    @AfterAll
    static void stop() {
        app.close();
        server.close();
    }

    @Test
    void theApiAddsAndTestsAGcpProjectAndRefusesBadInput() {
        app.user("gcp-admin", Role.ADMIN, java.util.Set.of());
        app.user("gcp-viewer", Role.VIEWER, java.util.Set.of());
        WebApp.Session admin = app.session().bearer(app.token("gcp-admin", Role.ADMIN));
        HttpResponse<String> added = admin.json("POST", "/api/v1/accounts", """
                {"provider": "gcp", "name": "api-custodian", "accountId": "cloud-custodian", "credentials": "none"}""");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode view = Json.parse(added.body());
        assertThat(view.get("provider").asString()).isEqualTo("gcp");
        server.deny("storage.buckets.getIamPolicy");
        HttpResponse<String> test = admin.json("POST", "/api/v1/accounts/" + view.get("id").asLong() + "/test", null);
        JsonNode result = Json.parse(test.body());
        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("identity").asString()).contains("cloud-custodian");
        assertThat(result.get("missingPermissions").toString()).isEqualTo("[\"storage.buckets.getIamPolicy\"]");

        HttpResponse<String> bad = admin.json("POST", "/api/v1/accounts", """
                {"provider": "gcp", "name": "api-bad", "accountId": "cloud-custodian", "credentials": "relative.json"}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(app.bean(AccountStore.class).list()).noneMatch(a -> a.name().equals("api-bad"));
        HttpResponse<String> viewer = app.session().bearer(app.token("gcp-viewer", Role.VIEWER)).json("POST",
                "/api/v1/accounts", """
                {"provider": "gcp", "name": "api-viewer", "accountId": "wk-empty", "credentials": "none"}""");
        assertThat(viewer.statusCode()).isEqualTo(403);
    }

    @Test
    void theConsoleFormAddsAGcpProject() {
        app.user("gcp-console", Role.ADMIN, java.util.Set.of());
        WebApp.Session session = app.session();
        session.login("gcp-console", WebApp.ADMIN_PASSWORD);
        session.get("/accounts");
        HttpResponse<String> posted = session.post("/accounts", Map.of("provider", "gcp", "name", "console-dev",
                "accountId", GcpTestOrg.DEV, "credentials", "none"), true);
        assertThat(posted.statusCode()).isEqualTo(302);
        Account account = app.bean(AccountStore.class).require("console-dev");
        assertThat(account.provider()).isEqualTo(Provider.GCP);
        assertThat(account.access().credentialsRef()).isEqualTo("none");
        assertThat(session.get("/accounts").body()).contains("add-gcp-project").contains("console-dev");
    }
}
