package io.watchkeeper.web.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditLogReader;
import io.watchkeeper.core.audit.AuditRecord;
import io.watchkeeper.core.finding.CheckParameter;
import io.watchkeeper.core.finding.FindingTriage;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.testing.CliHarness;
import io.watchkeeper.web.testing.InProcessCli;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Check thresholds through the one write path: the CLI and the API set and reset them in
 * {@link CheckSettings}, which validates the value against the check's declared range, keeps scoped
 * admins to their accounts and writes one audit entry per change; bad input writes nothing.
 */
class CheckParametersTest {

    private static final String CHECK = "github.branch-protection/too-few-approvals";
    private static final String OWNERS = "github.organization/too-many-owners";
    private static WebApp app;
    private static long prodId;
    private static long devId;
    private static WebApp.Session admin;
    private static WebApp.Session scopedAdmin;

    @BeforeAll
    static void start() {
        app = WebApp.start();
        AccountStore accounts = app.bean(AccountStore.class);
        prodId = accounts.add(new AccountSpec(Provider.GITHUB, "prod-gh", "acme-prod", null, List.of(), Map.of(), false)).id();
        devId = accounts.add(new AccountSpec(Provider.GITHUB, "dev-gh", "acme-dev", null, List.of(), Map.of(), false)).id();
        app.user("gh-admin", Role.ADMIN, Set.of(prodId));
        scopedAdmin = app.session().bearer(app.bean(AccessAdmin.class).createToken("t", Role.ADMIN, Set.of(prodId), null,
                new Caller("gh-admin", Role.ADMIN, AccountScope.of(Set.of(prodId)), "password")).secret());
        admin = app.session().bearer(app.token("admin", Role.ADMIN));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static CliHarness.Run cli(String... args) {
        return InProcessCli.run(app.context, args);
    }

    private static List<CheckParameter> stored(String check) {
        return app.bean(FindingTriage.class).parameters().stream().filter(p -> p.checkId().equals(check)).toList();
    }

    private static List<AuditRecord> audited(String action, String target) {
        return app.bean(AuditLogReader.class).list(null, action, null, null, 500).stream()
                .filter(r -> r.action().equals(action) && r.target().equals(target)).toList();
    }

    @Test
    void theCommandLineSetsValidatesListsAndResetsAThreshold() {
        CliHarness.Run set = cli("checks", "set-parameter", CHECK, "min-approvals", "3");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains(CHECK + ": min-approvals set to 3");
        assertThat(stored(CHECK)).containsExactly(new CheckParameter(CHECK, null, "min-approvals", 3));
        assertThat(audited("check.parameter", "check:" + CHECK)).singleElement().satisfies(r -> {
            assertThat(r.actor()).startsWith("cli:");
            assertThat(r.after().get("min-approvals").asLong()).isEqualTo(3);
        });

        CliHarness.Run list = cli("checks", "list", "--format", "json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode check = null;
        for (JsonNode c : Json.parse(list.out())) {
            if (c.get("id").asString().equals(CHECK)) {
                check = c;
            }
        }
        assertThat(check).isNotNull();
        assertThat(check.get("parameters").get(0).get("name").asString()).isEqualTo("min-approvals");
        assertThat(check.get("parameters").get(0).get("defaultValue").asLong()).isEqualTo(2);
        assertThat(check.get("parameters").get(0).get("values").get(0).get("value").asLong()).isEqualTo(3);

        CliHarness.Run outOfRange = cli("checks", "set-parameter", CHECK, "min-approvals", "0");
        assertThat(outOfRange.exit()).isEqualTo(2);
        assertThat(outOfRange.err()).startsWith("error:").contains("between 1 and 10");
        CliHarness.Run unknown = cli("checks", "set-parameter", CHECK, "max-owners", "4");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error:").contains("no parameter 'max-owners'", "min-approvals");
        assertThat(stored(CHECK)).as("bad input writes nothing").containsExactly(new CheckParameter(CHECK, null,
                "min-approvals", 3));
        assertThat(audited("check.parameter", "check:" + CHECK)).hasSize(1);

        CliHarness.Run reset = cli("checks", "reset-parameter", CHECK, "min-approvals");
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(stored(CHECK)).isEmpty();
        assertThat(audited("check.parameter.clear", "check:" + CHECK)).singleElement()
                .satisfies(r -> assertThat(r.before().get("min-approvals").asLong()).isEqualTo(3));
    }

    @Test
    void theApiSetsPerAccountWithinTheCallersScopeAndRefusesBadValues() {
        String path = "/api/v1/checks/" + OWNERS + "/parameters/max-owners";
        HttpResponse<String> own = scopedAdmin.json("PUT", path, "{\"accountId\":" + prodId + ",\"value\":5}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(Json.parse(own.body()).get("parameters").get(0).get("values").get(0).get("value").asLong()).isEqualTo(5);
        assertThat(stored(OWNERS)).containsExactly(new CheckParameter(OWNERS, prodId, "max-owners", 5));
        assertThat(scopedAdmin.json("PUT", path, "{\"value\":5}").statusCode()).as("every account").isEqualTo(403);
        assertThat(scopedAdmin.json("PUT", path, "{\"accountId\":" + devId + ",\"value\":5}").statusCode())
                .as("another account").isEqualTo(404);

        HttpResponse<String> tooMany = admin.json("PUT", path, "{\"value\":100000}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("between 1 and 1000");
        assertThat(admin.json("PUT", path, "{}").statusCode()).as("no value").isEqualTo(400);
        assertThat(admin.json("PUT", "/api/v1/checks/" + OWNERS + "/parameters/nope", "{\"value\":2}").statusCode())
                .isEqualTo(400);
        assertThat(stored(OWNERS)).as("refused requests write nothing").hasSize(1);
        assertThat(audited("check.parameter", "check:" + OWNERS + "@" + prodId)).hasSize(1);

        HttpResponse<String> global = admin.json("PUT", path, "{\"value\":1}");
        assertThat(global.statusCode()).as(global.body()).isEqualTo(200);
        HttpResponse<String> viewed = scopedAdmin.get("/api/v1/checks");
        assertThat(viewed.body()).doesNotContain("\"accountId\":" + devId);

        HttpResponse<String> removed = scopedAdmin.json("DELETE", path + "?accountId=" + prodId, null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(stored(OWNERS)).containsExactly(new CheckParameter(OWNERS, null, "max-owners", 1));
    }

    @Test
    void theConsoleShowsSetsAndResetsAThresholdOnTheSamePath() {
        String check = "github.repository/inactive-not-archived";
        WebApp.Session console = app.session();
        console.login("admin", WebApp.ADMIN_PASSWORD);
        HttpResponse<String> page = console.get("/checks");
        assertThat(page.statusCode()).isEqualTo(200);
        String block = page.body().substring(page.body().indexOf("id=\"parameter-" + check + "-inactive-days\""));
        assertThat(block.substring(0, block.indexOf("</div>"))).contains("inactive-days", "default 180");

        String path = "/checks/" + check + "/parameters/inactive-days";
        HttpResponse<String> set = console.post(path, Map.of("accountId", String.valueOf(devId), "value", "7"), true);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(302);
        assertThat(stored(check)).containsExactly(new CheckParameter(check, devId, "inactive-days", 7));
        assertThat(audited("check.parameter", "check:" + check + "@" + devId)).singleElement()
                .satisfies(r -> assertThat(r.actor()).isEqualTo("admin"));
        assertThat(console.get("/checks").body()).contains("account " + devId + ": 7");

        HttpResponse<String> bad = console.post(path, Map.of("value", "0"), true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("between");
        assertThat(console.post(path, Map.of("value", "5"), false).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(stored(check)).as("refused requests write nothing").hasSize(1);

        WebApp.Session scoped = app.session();
        scoped.login("gh-admin", WebApp.ADMIN_PASSWORD);
        scoped.get("/checks");
        assertThat(scoped.post(path, Map.of("value", "5"), true).statusCode()).as("every account").isEqualTo(403);
        assertThat(stored(check)).hasSize(1);

        HttpResponse<String> reset = console.post(path, Map.of("accountId", String.valueOf(devId), "value", ""), true);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(302);
        assertThat(stored(check)).isEmpty();
        assertThat(audited("check.parameter.clear", "check:" + check + "@" + devId)).hasSize(1);
    }
}
