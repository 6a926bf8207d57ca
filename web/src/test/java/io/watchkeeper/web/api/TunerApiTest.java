package io.watchkeeper.web.api;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static io.watchkeeper.db.jooq.Tables.TUNER_PLAN;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP_INLINE;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP_TABLES;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.TunerFixture;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tuner's REST API and console pages on moto: roles per step, 400 problems that write nothing, other
 * accounts' plans as 404, plan → apply → rollback with the documents read back, and the console's plan page.
 */
class TunerApiTest {

    private TunerFixture fixture;
    private WebApp app;
    private long otherAccount;

    @BeforeEach
    void setUp() {
        fixture = new TunerFixture();
        app = WebApp.start("--watchkeeper.aws.regions=us-east-1");
        app.bean(AccountStore.class).add(new AccountSpec(Provider.AWS, "tuned", Moto.ACCOUNT_ID, AccountAccess.NONE,
                List.of("us-east-1"), Map.of(), false));
        otherAccount = app.bean(AccountStore.class).add(new AccountSpec(Provider.AWS, "other", "210987654321",
                AccountAccess.NONE, List.of("us-east-1"), Map.of(), false)).id();
    }

    @AfterEach
    void tearDown() {
        app.close();
        fixture.close();
    }

    private static void problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    void planApplyRollbackThroughTheApiWithRolesScopeAndProblems() {
        app.user("jane", Role.JUSTIFIER, Set.of());
        app.user("vic", Role.VIEWER, Set.of());
        WebApp.Session justifier = app.session().bearer(app.token("jane", Role.JUSTIFIER));
        WebApp.Session viewer = app.session().bearer(app.token("vic", Role.VIEWER));
        WebApp.Session admin = app.session().bearer(app.token("admin", Role.ADMIN));

        problem(viewer.json("POST", "/api/v1/tuner/plans", "{\"account\":\"tuned\"}"), 403);
        problem(justifier.json("POST", "/api/v1/tuner/plans", "{\"account\":\"tuned\",\"windowDays\":0}"), 400);
        problem(justifier.json("POST", "/api/v1/tuner/plans", "{\"account\":\"nope\"}"), 400);
        problem(justifier.json("POST", "/api/v1/tuner/plans", "{\"account\":\"tuned\",\"principalArn\":\"x\"}"), 400);
        problem(admin.json("POST", "/api/v1/tuner/opt-outs", "{\"account\":\"tuned\",\"principalArn\":\"" + APP
                + "\",\"owner\":\"o\",\"reason\":\"r\",\"until\":\"2001-01-01T00:00:00Z\"}"), 400);
        assertThat(app.db.dsl().fetchCount(TUNER_PLAN)).isZero();
        assertThat(app.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.like("tuner.%"))).isZero();

        HttpResponse<String> collected = justifier.json("POST", "/api/v1/tuner/evidence", "{\"account\":\"tuned\"}");
        assertThat(collected.statusCode()).as(collected.body()).isEqualTo(200);
        assertThat(Json.parse(collected.body()).at("/cloudTrail/files").asInt()).isGreaterThan(30);

        HttpResponse<String> planned = justifier.json("POST", "/api/v1/tuner/plans", "{\"account\":\"tuned\",\"principalArn\":\""
                + APP + "\"}");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        JsonNode plan = Json.parse(planned.body());
        long id = plan.get("id").asLong();
        JsonNode app0 = plan.get("principals").get(0);
        assertThat(app0.get("arn").asString()).isEqualTo(APP);
        assertThat(app0.get("removed").size()).isEqualTo(4);
        assertThat(plan.get("principals")).as("only the principal asked for").hasSize(1);
        JsonNode sendMessage = null;
        for (JsonNode d : app0.get("evidence")) {
            if (d.get("action").asString().equals("sqs:SendMessage")) {
                sendMessage = d;
            }
        }
        assertThat(sendMessage).as("used actions carry their evidence").isNotNull();
        assertThat(sendMessage.get("decision").asString()).isEqualTo("USED");
        assertThat(sendMessage.get("reason").asString()).contains("CloudTrail");
        assertThat(sendMessage.get("lastUsed").isNull()).isFalse();

        problem(justifier.json("POST", "/api/v1/tuner/plans/" + id + "/apply", "{\"now\":true}"), 403);
        problem(admin.json("POST", "/api/v1/tuner/plans/" + id + "/apply", "{}"), 400);
        assertThat(fixture.inline("app", "app-inline")).isEqualTo(APP_INLINE);

        // an admin of another account only: the plan does not exist for it
        app.user("scoped", Role.ADMIN, Set.of(otherAccount));
        WebApp.Session scoped = app.session();
        scoped.login("scoped", WebApp.ADMIN_PASSWORD);
        WebApp.Session scopedApi = app.session().bearer(app.token("scoped", Role.ADMIN));
        problem(scopedApi.get("/api/v1/tuner/plans/" + id), 404);
        problem(scopedApi.json("POST", "/api/v1/tuner/plans/" + id + "/apply", "{\"now\":true}"), 404);
        problem(scopedApi.json("POST", "/api/v1/tuner/plans", "{\"account\":\"tuned\"}"), 400);
        assertThat(Json.parse(scopedApi.get("/api/v1/tuner/plans").body()).size()).isZero();
        assertThat(scoped.get("/tuner/plans/" + id).statusCode()).isEqualTo(404);
        assertThat(fixture.inline("app", "app-inline")).isEqualTo(APP_INLINE);

        HttpResponse<String> applied = admin.json("POST", "/api/v1/tuner/plans/" + id + "/apply", "{\"now\":true}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode change = Json.parse(applied.body()).get("changes").get(0);
        assertThat(change.get("status").asString()).isEqualTo("APPLIED");
        assertThat(fixture.iam.listRolePolicies(r -> r.roleName("app")).policyNames()).containsExactly("app-inline");

        // the console shows the plan with its proof and the change
        WebApp.Session console = app.session();
        console.login("admin", WebApp.ADMIN_PASSWORD);
        HttpResponse<String> page = console.get("/tuner/plans/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(APP).contains("holds: no new access").contains("APPLIED").contains("dynamodb:DeleteTable")
                .contains("sqs:SendMessage");
        assertThat(console.get("/tuner").body()).contains("plan-" + id);

        HttpResponse<String> rolledBack = justifier.json("POST", "/api/v1/tuner/changes/" + change.get("id").asLong()
                + "/rollback", "{\"reason\":\"owner asked\"}");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(Json.parse(rolledBack.body()).get("status").asString()).isEqualTo("ROLLED_BACK");
        assertThat(fixture.inline("app", "app-inline")).isEqualTo(APP_INLINE);
        assertThat(fixture.inline("app", "app-tables")).isEqualTo(APP_TABLES);
        for (String action : List.of("tuner.evidence.collect", "tuner.plan", "tuner.apply", "tuner.rollback")) {
            assertThat(app.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq(action))).as(action).isEqualTo(1);
        }
    }
}
