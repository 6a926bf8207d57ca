package io.watchkeeper.web.api;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static io.watchkeeper.db.jooq.Tables.REMEDIATION_MODE;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.db.jooq.tables.records.AuditLogRecord;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.Scanner;
import io.watchkeeper.web.WatchkeeperApplication;
import io.watchkeeper.web.cli.Cli;
import io.watchkeeper.web.testing.CliHarness;
import io.watchkeeper.web.testing.WebApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import tools.jackson.databind.JsonNode;

/**
 * Remediations through every door — the command line, the API and the console — on one server:
 * the same rules (four eyes, superseding unapplied plans, modes within the caller's accounts)
 * and the same audit entries whichever door is used.
 */
class RemediationDoorsTest {

    private static final String FIX = "aws.s3.bucket/remove-public-acl-grants";
    private final Moto moto = Moto.get();
    private WebApp app;
    private long prodId;
    private long devId;
    private final Map<String, WebApp.Session> apis = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        for (String bucket : List.of("door-a", "door-b", "door-c")) {
            s3.createBucket(r -> r.bucket(bucket));
            s3.putBucketAcl(r -> r.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        }
        app = WebApp.start("--watchkeeper.aws.regions=us-east-1");
        AccountStore accounts = app.bean(AccountStore.class);
        var prod = accounts.add(new AccountSpec(Provider.AWS, "prod", Moto.ACCOUNT_ID, AccountAccess.NONE,
                List.of("us-east-1"), Map.of(), false));
        prodId = prod.id();
        devId = accounts.add(new AccountSpec(Provider.AWS, "dev", "222222222222", AccountAccess.NONE,
                List.of("us-east-1"), Map.of(), false)).id();
        app.bean(Scanner.class).scan(new WatchRequest(List.of(prod), Set.of(ResourceType.of("aws.s3.bucket")), Set.of(),
                "manual", "test", true), WatchProgress.NONE);
        app.user("alice", Role.JUSTIFIER, Set.of());
        app.user("bob", Role.JUSTIFIER, Set.of());
        app.user("prod-admin", Role.ADMIN, Set.of(prodId));
        apis.put("admin", app.session().bearer(app.token("admin", Role.ADMIN)));
        apis.put("alice", app.session().bearer(app.token("alice", Role.JUSTIFIER)));
        apis.put("bob", app.session().bearer(app.token("bob", Role.JUSTIFIER)));
        apis.put("prod-admin", app.session().bearer(app.token("prod-admin", Role.ADMIN)));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    /** The command line, in the server's own application context. */
    private CliHarness.Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(() -> app.context, new PrintWriter(out, true), new PrintWriter(err, true), false);
        int exit = WatchkeeperApplication.execute(cli, args);
        return new CliHarness.Run(exit, out.toString(), err.toString());
    }

    private HttpResponse<String> api(String who, String method, String path, String json) {
        return apis.get(who).json(method, path, json);
    }

    private List<Long> findings() {
        HttpResponse<String> r = api("admin", "GET", "/api/v1/findings?limit=500&check=aws.s3.bucket/public-acl", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        Json.parse(r.body()).get("items").forEach(f -> ids.add(f.get("id").asLong()));
        assertThat(ids).hasSize(3);
        return ids.stream().sorted().toList();
    }

    private JsonNode remediation(long id) {
        HttpResponse<String> r = api("admin", "GET", "/api/v1/remediations/" + id, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private long apiPlan(String who, long finding) {
        HttpResponse<String> r = api(who, "POST", "/api/v1/remediations", "{\"findingId\":" + finding + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body()).get("id").asLong();
    }

    private long cliPlan(long finding) {
        CliHarness.Run plan = cli("remediations", "plan", Long.toString(finding), "--format", "json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        return Json.parse(plan.out()).get("id").asLong();
    }

    private HttpResponse<String> setMode(String who, Long account, String mode) {
        return api(who, "PUT", "/api/v1/remediations/modes", "{\"remediationId\":\"" + FIX + "\",\"accountId\":" + account
                + ",\"mode\":\"" + mode + "\"}");
    }

    private List<AuditLogRecord> audit(String action) {
        return app.db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq(action)).orderBy(AUDIT_LOG.ID).fetch();
    }

    private static JsonNode json(org.jooq.JSONB value) {
        return value == null ? null : Json.parse(value.data());
    }

    @Test
    void theSameActionWritesTheSameAuditEntryThroughTheCliAndTheApi() {
        CliHarness.Run viaCli = cli("remediations", "mode", FIX, "approval", "--account", "prod");
        assertThat(viaCli.exit()).as(viaCli.err()).isZero();
        HttpResponse<String> viaApi = setMode("admin", devId, "APPROVAL");
        assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(200);
        List<AuditLogRecord> modes = audit("remediation.mode");
        assertThat(modes).hasSize(2);
        AuditLogRecord c = modes.get(0);
        AuditLogRecord a = modes.get(1);
        assertThat(c.getActor()).startsWith("cli:");
        assertThat(a.getActor()).startsWith("admin (token ");
        assertThat(c.getTarget()).isEqualTo("remediation-mode:" + FIX + "@" + prodId);
        assertThat(a.getTarget()).isEqualTo("remediation-mode:" + FIX + "@" + devId);
        assertThat(json(c.getBefore())).isEqualTo(json(a.getBefore()));
        assertThat(json(c.getAfter())).isEqualTo(json(a.getAfter()));

        // plan and reject, once through each door
        List<Long> f = findings();
        long first = cliPlan(f.get(0));
        assertThat(cli("remediations", "reject", Long.toString(first), "--reason", "not now").exit()).isZero();
        long second = apiPlan("alice", f.get(1));
        HttpResponse<String> reject = api("bob", "POST", "/api/v1/remediations/" + second + "/reject",
                "{\"reason\":\"not now\"}");
        assertThat(reject.statusCode()).as(reject.body()).isEqualTo(200);
        for (String action : List.of("remediation.plan", "remediation.reject")) {
            List<AuditLogRecord> entries = audit(action);
            assertThat(entries).hasSize(2);
            assertThat(entries.get(0).getTarget()).isEqualTo("remediation:" + first + ":" + remediation(first).get("resourceId")
                    .asString());
            assertThat(entries.get(1).getTarget()).isEqualTo("remediation:" + second + ":"
                    + remediation(second).get("resourceId").asString());
            JsonNode fromCli = json(entries.get(0).getAfter());
            JsonNode fromApi = json(entries.get(1).getAfter());
            assertThat(names(fromCli)).isEqualTo(names(fromApi));
            assertThat(fromCli.get("status")).isEqualTo(fromApi.get("status"));
            assertThat(names(json(entries.get(0).getBefore()))).isEqualTo(names(json(entries.get(1).getBefore())));
        }
        assertThat(json(audit("remediation.reject").get(0).getAfter()).get("error").asString()).isEqualTo("not now");
        assertThat(json(audit("remediation.reject").get(1).getAfter()).get("error").asString()).isEqualTo("not now");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node != null) {
            node.propertyNames().forEach(names::add);
        }
        return names.stream().sorted().toList();
    }

    @Test
    void thePlannerCannotApproveItsOwnPlanUnlessTheModeIsAutomatic() {
        assertThat(setMode("admin", prodId, "APPROVAL").statusCode()).isEqualTo(200);
        List<Long> f = findings();

        long byAlice = apiPlan("alice", f.get(0));
        HttpResponse<String> own = api("alice", "POST", "/api/v1/remediations/" + byAlice + "/approve", null);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(Json.parse(own.body()).get("detail").asString()).contains("four eyes").contains("alice");
        assertThat(remediation(byAlice).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        HttpResponse<String> other = api("bob", "POST", "/api/v1/remediations/" + byAlice + "/approve", null);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(Json.parse(other.body()).get("approvedBy").asString()).startsWith("bob");

        // the command line is a person too
        long byCli = cliPlan(f.get(1));
        CliHarness.Run self = cli("remediations", "approve", Long.toString(byCli));
        assertThat(self.exit()).isEqualTo(1);
        assertThat(self.err()).contains("four eyes");
        assertThat(remediation(byCli).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(api("alice", "POST", "/api/v1/remediations/" + byCli + "/approve", null).statusCode()).isEqualTo(200);
        assertThat(audit("remediation.approve")).hasSize(2);

        // in automatic mode nobody else has to look
        long late = apiPlan("alice", f.get(2));
        assertThat(remediation(late).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(setMode("admin", prodId, "AUTOMATIC").statusCode()).isEqualTo(200);
        HttpResponse<String> automatic = api("alice", "POST", "/api/v1/remediations/" + late + "/approve", null);
        assertThat(automatic.statusCode()).as(automatic.body()).isEqualTo(200);
        assertThat(remediation(late).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aNewPlanSupersedesAnUnappliedOneThroughEveryDoor() {
        long finding = findings().getFirst();
        long dry = cliPlan(finding);
        assertThat(remediation(dry).get("status").asString()).isEqualTo("PLANNED");
        CliHarness.Run approve = cli("remediations", "approve", Long.toString(dry));
        assertThat(approve.exit()).isEqualTo(2);
        assertThat(approve.err()).contains("planned in dry-run mode")
                .contains("`watchkeeper remediations mode " + FIX + " approval --account prod`")
                .contains("`watchkeeper remediations plan " + finding + "`");

        assertThat(cli("remediations", "mode", FIX, "approval", "--account", "prod").exit()).isZero();
        long viaCli = cliPlan(finding);
        assertThat(remediation(viaCli).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(remediation(dry).get("status").asString()).isEqualTo("SUPERSEDED");

        long viaApi = apiPlan("alice", finding);
        assertThat(remediation(viaCli).get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(remediation(viaApi).get("status").asString()).isEqualTo("AWAITING_APPROVAL");

        WebApp.Session console = app.session();
        console.login("bob", WebApp.ADMIN_PASSWORD);
        console.get("/remediations");
        HttpResponse<String> planned = console.post("/remediations", Map.of("findingId", Long.toString(finding)), true);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(302);
        assertThat(remediation(viaApi).get("status").asString()).isEqualTo("SUPERSEDED");
        String resource = remediation(dry).get("resourceId").asString();
        List<AuditLogRecord> superseded = audit("remediation.supersede");
        assertThat(superseded).extracting(AuditLogRecord::getTarget).containsExactly(
                "remediation:" + dry + ":" + resource, "remediation:" + viaCli + ":" + resource,
                "remediation:" + viaApi + ":" + resource);
        assertThat(superseded).extracting(r -> json(r.getAfter()).get("status").asString()).containsOnly("SUPERSEDED");
        long viaConsole = remediationsOf(finding).getFirst();
        assertThat(remediation(viaConsole).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(remediationsOf(finding)).hasSize(4);

        // an approved plan is not replaced behind the approver's back: the message says what to do
        assertThat(api("alice", "POST", "/api/v1/remediations/" + viaConsole + "/approve", null).statusCode()).isEqualTo(200);
        CliHarness.Run again = cli("remediations", "plan", Long.toString(finding));
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("`watchkeeper remediations apply " + viaConsole + "`")
                .contains("`watchkeeper remediations reject " + viaConsole);
        HttpResponse<String> apiAgain = api("alice", "POST", "/api/v1/remediations", "{\"findingId\":" + finding + "}");
        assertThat(apiAgain.statusCode()).isEqualTo(400);
        assertThat(Json.parse(apiAgain.body()).get("detail").asString())
                .contains("`watchkeeper remediations apply " + viaConsole + "`");
        assertThat(remediation(viaConsole).get("status").asString()).isEqualTo("APPROVED");
    }

    private List<Long> remediationsOf(long finding) {
        HttpResponse<String> r = api("admin", "GET", "/api/v1/remediations", null);
        List<Long> ids = new ArrayList<>();
        Json.parse(r.body()).forEach(x -> {
            if (x.get("findingId").asLong() == finding) {
                ids.add(x.get("id").asLong());
            }
        });
        return ids;
    }

    @Test
    void aScopedAdminSetsAndSeesModesOnlyForItsOwnAccounts() {
        assertThat(setMode("admin", devId, "AUTOMATIC").statusCode()).isEqualTo(200);
        assertThat(setMode("admin", null, "APPROVAL").statusCode()).isEqualTo(200);
        int rows = app.db.dsl().fetchCount(REMEDIATION_MODE);
        int entries = audit("remediation.mode").size();

        HttpResponse<String> foreign = setMode("prod-admin", devId, "DRY_RUN");
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
        HttpResponse<String> global = setMode("prod-admin", null, "AUTOMATIC");
        assertThat(global.statusCode()).as(global.body()).isEqualTo(403);
        assertThat(app.db.dsl().fetchCount(REMEDIATION_MODE)).isEqualTo(rows);
        assertThat(audit("remediation.mode")).hasSize(entries);
        assertThat(app.db.dsl().select(REMEDIATION_MODE.MODE).from(REMEDIATION_MODE)
                .where(REMEDIATION_MODE.ACCOUNT_ID.eq(devId)).fetchSingle().value1()).isEqualTo("AUTOMATIC");

        HttpResponse<String> own = setMode("prod-admin", prodId, "AUTOMATIC");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(audit("remediation.mode")).hasSize(entries + 1);

        HttpResponse<String> list = api("prod-admin", "GET", "/api/v1/remediations/modes", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        Json.parse(list.body()).forEach(m -> seen.add(m.get("accountId").isNull() ? "*" : m.get("accountId").asString()));
        assertThat(seen).containsExactlyInAnyOrder("*", Long.toString(prodId));
        HttpResponse<String> all = api("admin", "GET", "/api/v1/remediations/modes", null);
        assertThat(Json.parse(all.body()).size()).isEqualTo(3);

        WebApp.Session console = app.session();
        console.login("prod-admin", WebApp.ADMIN_PASSWORD);
        String page = console.get("/remediations").body();
        String modesTable = page.substring(page.indexOf("<table id=\"modes\">"), page.indexOf("</table>",
                page.indexOf("<table id=\"modes\">")));
        assertThat(modesTable).contains("prod").contains("every account").doesNotContain("dev");
        HttpResponse<String> consoleForeign = console.post("/remediations/modes", Map.of("remediationId", FIX,
                "accountId", Long.toString(devId), "mode", "DRY_RUN"), true);
        assertThat(consoleForeign.statusCode()).isEqualTo(404);
        assertThat(app.db.dsl().fetchCount(REMEDIATION_MODE)).isEqualTo(rows + 1);
    }

    @Test
    void aConsoleRollbackOverSomeoneElsesChangeNeedsAnAdminWithAReason() {
        assertThat(setMode("admin", prodId, "AUTOMATIC").statusCode()).isEqualTo(200);
        long id = apiPlan("alice", findings().getFirst());
        HttpResponse<String> applied = api("bob", "POST", "/api/v1/remediations/" + id + "/apply", null);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(Json.parse(applied.body()).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(Json.parse(applied.body()).get("afterHash").asString()).isNotBlank();
        String bucket = remediation(id).get("resourceId").asString().substring("arn:aws:s3:::".length());
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(
                software.amazon.awssdk.services.s3.model.Tag.builder().key("owner").value("someone-else").build())));

        WebApp.Session justifier = app.session();
        justifier.login("bob", WebApp.ADMIN_PASSWORD);
        justifier.get("/remediations");
        HttpResponse<String> refused = justifier.post("/remediations/" + id + "/rollback", Map.of(), true);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("changed since remediation " + id + " was applied");
        HttpResponse<String> notAdmin = justifier.post("/remediations/" + id + "/rollback",
                Map.of("force", "true", "reason", "I am sure"), true);
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        HttpResponse<String> apiRefused = api("admin", "POST", "/api/v1/remediations/" + id + "/rollback", null);
        assertThat(apiRefused.statusCode()).isEqualTo(409);
        assertThat(remediation(id).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(audit("remediation.rollback.start")).isEmpty();

        WebApp.Session admin = app.session();
        admin.login("admin", WebApp.ADMIN_PASSWORD);
        admin.get("/remediations");
        HttpResponse<String> noReason = admin.post("/remediations/" + id + "/rollback", Map.of("force", "true"), true);
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> forced = admin.post("/remediations/" + id + "/rollback",
                Map.of("force", "true", "reason", "ticket 7: the grant is needed"), true);
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(302);
        JsonNode back = remediation(id);
        assertThat(back.get("status").asString()).isEqualTo("ROLLED_BACK");
        assertThat(back.get("error").asString()).contains("keeps the changes made by others");
        assertThat(s3.getBucketTagging(r -> r.bucket(bucket)).tagSet()).extracting(t -> t.value())
                .containsExactly("someone-else");
        assertThat(s3.getBucketAcl(r -> r.bucket(bucket)).grants())
                .anyMatch(g -> String.valueOf(g.grantee().uri()).endsWith("/AllUsers"));
        AuditLogRecord start = audit("remediation.rollback.start").getFirst();
        assertThat(start.getActor()).isEqualTo("admin");
        assertThat(json(start.getAfter()).get("reason").asString()).isEqualTo("ticket 7: the grant is needed");
        assertThat(json(start.getAfter()).get("changedSinceApply").asBoolean()).isTrue();
    }
}
