package io.watchkeeper.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.Scanner;
import io.watchkeeper.web.testing.InProcessCli;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Compliance reports end to end: moto accounts watched and audited, then the same report through the
 * API (JSON, CSV, HTML), the command line and the console, limited to the caller's accounts.
 */
class ComplianceApiTest {

    private static final String FRAMEWORK = "cis-aws-3.0";
    private static final Moto moto = Moto.get();
    private static WebApp app;
    private static WebApp.Session admin;
    private static Account prod;
    private static Account idle;

    @BeforeAll
    static void setUp() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("public-site"));
        s3.putBucketPolicy(r -> r.bucket("public-site").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\","
                + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::public-site/*\"}]}"));
        app = WebApp.start("--watchkeeper.aws.regions=us-east-1");
        AccountStore accounts = app.bean(AccountStore.class);
        prod = accounts.add(new AccountSpec(Provider.AWS, "prod", Moto.ACCOUNT_ID, AccountAccess.NONE, List.of("us-east-1"),
                Map.of(), false));
        idle = accounts.add(new AccountSpec(Provider.AWS, "idle", "210987654321", AccountAccess.NONE, List.of("us-east-1"),
                Map.of(), false));
        accounts.add(new AccountSpec(Provider.GITHUB, "code", "acme", AccountAccess.NONE, List.of(), Map.of(), false));
        app.bean(Scanner.class).scan(new WatchRequest(List.of(prod), Set.of(ResourceType.of("aws.s3.bucket"),
                ResourceType.of("aws.cloudtrail.trail")), Set.of(), "manual", "test", true), WatchProgress.NONE);
        admin = app.session().bearer(app.token("admin", Role.ADMIN));
        app.user("idle-viewer", Role.VIEWER, Set.of(idle.id()));
    }

    @AfterAll
    static void tearDown() {
        app.close();
    }

    private static JsonNode control(JsonNode report, String id) {
        for (JsonNode c : report.get("controls")) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no control " + id);
    }

    private static JsonNode account(JsonNode control, String account) {
        for (JsonNode a : control.get("accounts")) {
            if (a.get("account").asString().equals(account)) {
                return a;
            }
        }
        throw new AssertionError("no account " + account);
    }

    private static String state(JsonNode control, String account) {
        return account(control, account).get("state").asString();
    }

    @Test
    void theReportDecidesControlsFromWhatWasWatched() {
        HttpResponse<String> r = admin.get("/api/v1/compliance/" + FRAMEWORK + "?days=7");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = Json.parse(r.body());
        assertThat(report.get("accounts")).extracting(a -> a.get("name").asString()).containsExactly("idle", "prod");
        JsonNode publicBucket = control(report, "2.1.4");
        assertThat(state(publicBucket, "prod")).isEqualTo("FAIL");
        assertThat(account(publicBucket, "prod").get("resources").toString()).contains("arn:aws:s3:::public-site",
                "aws.s3.bucket/public-policy");
        assertThat(state(publicBucket, "idle")).as("never watched").isEqualTo("NO_DATA");
        assertThat(state(control(report, "3.1"), "prod")).as("watched, no trail at all").isEqualTo("FAIL");
        assertThat(control(report, "1.1").get("state").asString()).isEqualTo("MANUAL");
        assertThat(control(report, "4.16").get("state").asString()).as("Security Hub never watched").isEqualTo("NO_DATA");
        assertThat(control(report, "2.1.4").get("trend")).hasSize(7);
        assertThat(report.get("trend").get(6).get("fail").asInt()).isPositive();

        HttpResponse<String> list = admin.get("/api/v1/compliance");
        assertThat(Json.parse(list.body()).get(0).get("controls").asInt()).isEqualTo(62);
    }

    @Test
    void csvAndHtmlAreDownloadsOfTheSameReport() {
        HttpResponse<String> csv = admin.get("/api/v1/compliance/" + FRAMEWORK + "/csv?account=prod");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "cis-aws-3.0.csv");
        assertThat(csv.body().lines().count()).isEqualTo(63);
        assertThat(csv.body()).contains("2.1.4,").contains(",prod,fail,");
        HttpResponse<String> html = admin.get("/api/v1/compliance/" + FRAMEWORK + "/html?account=prod");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).startsWith("<!doctype html>").contains("arn:aws:s3:::public-site").doesNotContain("<script");
    }

    @Test
    void aScopedUserSeesOnlyItsAccounts() {
        WebApp.Session viewer = app.session().bearer(app.token("idle-viewer", Role.VIEWER));
        JsonNode report = Json.parse(viewer.get("/api/v1/compliance/" + FRAMEWORK).body());
        assertThat(report.get("accounts")).extracting(a -> a.get("name").asString()).containsExactly("idle");
        assertThat(report.toString()).doesNotContain("public-site").doesNotContain("\"prod\"");
        HttpResponse<String> other = viewer.get("/api/v1/compliance/" + FRAMEWORK + "?account=prod");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("unknown account 'prod'");
        assertThat(viewer.get("/api/v1/compliance/" + FRAMEWORK + "/html?account=prod").body()).doesNotContain("public-site");
    }

    @Test
    void badInputIsAClearProblem() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        for (String query : List.of("?at=" + tomorrow, "?at=yesterday", "?days=0", "?days=400", "?account=code")) {
            HttpResponse<String> r = admin.get("/api/v1/compliance/" + FRAMEWORK + query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(query).contains("application/problem+json");
        }
        assertThat(admin.get("/api/v1/compliance/cis-nothing").body()).contains("unknown framework", "cis-aws-3.0");
    }

    @Test
    void theCommandLineGivesTheSameStates() {
        var json = InProcessCli.run(app.context, "compliance", "--framework", FRAMEWORK, "--account", "prod", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode report = Json.parse(json.out());
        JsonNode api = Json.parse(admin.get("/api/v1/compliance/" + FRAMEWORK + "?account=prod").body());
        for (String id : List.of("2.1.4", "3.1", "1.12", "5.2", "1.1", "4.16")) {
            assertThat(control(report, id).get("state").asString()).as(id).isEqualTo(control(api, id).get("state").asString());
        }
        var table = InProcessCli.run(app.context, "compliance", "--framework", FRAMEWORK, "--account", "prod");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("2.1.4", "fail", "no data", "manual").doesNotContain("not decided");
        var html = InProcessCli.run(app.context, "compliance", "--framework", FRAMEWORK, "--format", "html");
        assertThat(html.out()).startsWith("<!doctype html>");
        var bad = InProcessCli.run(app.context, "compliance", "--framework", FRAMEWORK, "--at", "2026-13-45");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: at must be a date");
        var list = InProcessCli.run(app.context, "compliance", "--list");
        assertThat(list.out()).contains("cis-aws-3.0", "62");
    }

    @Test
    void theConsolePageShowsStatesResourcesAndTheTrend() {
        WebApp.Session session = app.session();
        session.login("admin", WebApp.ADMIN_PASSWORD);
        HttpResponse<String> page = session.get("/compliance/" + FRAMEWORK + "?account=prod&days=5");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"control-2.1.4\"", "public-site", "state state-FAIL", "id=\"trend\"",
                "/compliance/cis-aws-3.0/report.html?account=prod");
        assertThat(session.get("/compliance").body()).contains("/compliance/cis-aws-3.0");
        HttpResponse<String> download = session.get("/compliance/" + FRAMEWORK + "/report.html?account=prod");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(download.body()).contains("arn:aws:s3:::public-site");
    }
}
