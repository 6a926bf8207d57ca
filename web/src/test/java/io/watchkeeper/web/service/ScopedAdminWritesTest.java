package io.watchkeeper.web.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.finding.CheckOverride;
import io.watchkeeper.core.finding.FindingTriage;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.watch.WatchIntervalStore;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An admin limited to some accounts administers those accounts only: no settings for every account
 * (global check overrides, global watch intervals), no new accounts, nothing of other accounts; and
 * scoped users do not see other accounts' overrides or scans.
 */
class ScopedAdminWritesTest {

    private static final String CHECK = "aws.s3.bucket/public-acl";
    private static final Moto MOTO = Moto.get();
    private static WebApp app;
    private static long prodId;
    private static long devId;
    private static WebApp.Session scopedAdmin;
    private static WebApp.Session scopedViewer;
    private static WebApp.Session admin;

    @BeforeAll
    static void start() {
        MOTO.reset();
        Moto.pointProductAt(MOTO.endpoint());
        app = WebApp.start("--watchkeeper.aws.regions=us-east-1");
        AccountStore accounts = app.bean(AccountStore.class);
        prodId = accounts.add(new AccountSpec(Provider.AWS, "prod", "111111111111", AccountAccess.NONE,
                List.of("us-east-1"), Map.of(), false)).id();
        devId = accounts.add(new AccountSpec(Provider.AWS, "dev", "222222222222", AccountAccess.NONE,
                List.of("us-east-1"), Map.of(), false)).id();
        app.user("prod-admin", Role.ADMIN, Set.of(prodId));
        app.user("prod-viewer", Role.VIEWER, Set.of(prodId));
        AccessAdmin access = app.bean(AccessAdmin.class);
        scopedAdmin = app.session().bearer(access.createToken("t", Role.ADMIN, Set.of(prodId), null,
                new Caller("prod-admin", Role.ADMIN, AccountScope.of(Set.of(prodId)), "password")).secret());
        scopedViewer = app.session().bearer(access.createToken("t", Role.VIEWER, Set.of(prodId), null,
                new Caller("prod-viewer", Role.VIEWER, AccountScope.of(Set.of(prodId)), "password")).secret());
        admin = app.session().bearer(app.token("admin", Role.ADMIN));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    @Test
    void checkOverridesOnlyForTheAdminsAccountsAndHiddenFromOtherScopes() {
        String path = "/api/v1/checks/" + CHECK + "/settings";
        assertThat(status(scopedAdmin.json("PUT", path, "{\"enabled\":false}"))).as("every account").isEqualTo(403);
        assertThat(status(scopedAdmin.json("PUT", path, "{\"accountId\":" + devId + ",\"enabled\":false}")))
                .as("another account").isEqualTo(404);
        HttpResponse<String> own = scopedAdmin.json("PUT", path, "{\"accountId\":" + prodId + ",\"enabled\":false}");
        assertThat(status(own)).as(own.body()).isEqualTo(200);
        assertThat(app.bean(FindingTriage.class).overrides()).extracting(CheckOverride::accountId).containsExactly(prodId);

        assertThat(status(admin.json("PUT", path, "{\"accountId\":" + devId + ",\"severity\":\"LOW\",\"enabled\":true}")))
                .isEqualTo(200);
        assertThat(status(admin.json("PUT", path, "{\"enabled\":true,\"severity\":\"HIGH\"}"))).isEqualTo(200);
        List<Long> seen = new ArrayList<>();
        for (JsonNode check : Json.parse(scopedViewer.get("/api/v1/checks").body())) {
            check.get("overrides").forEach(o -> seen.add(o.get("accountId").isNull() ? -1L : o.get("accountId").asLong()));
        }
        assertThat(seen).as("own and global overrides, never another account's").containsExactlyInAnyOrder(prodId, -1L);
        String page = scopedViewer.get("/api/v1/checks").body();
        assertThat(page).doesNotContain("\"accountId\":" + devId);
    }

    @Test
    void theConsoleCheckFormOffersAScopedAdminItsAccountsOnlyAndSaves() {
        WebApp.Session console = app.session();
        console.login("prod-admin", WebApp.ADMIN_PASSWORD);
        String page = console.get("/checks").body();
        String action = "/checks/aws.s3.bucket/versioning-off/settings";
        assertThat(page).contains("action=\"" + action + "\"").doesNotContain("all accounts</option>")
                .doesNotContain(">dev</option>");
        HttpResponse<String> saved = console.post(action, Map.of("accountId", Long.toString(prodId), "enabled", "false"), true);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(app.bean(FindingTriage.class).overrides()).anySatisfy(o -> {
            assertThat(o.checkId()).isEqualTo("aws.s3.bucket/versioning-off");
            assertThat(o.accountId()).isEqualTo(prodId);
        });
        assertThat(console.post(action, Map.of("enabled", "false"), true).statusCode()).as("every account").isEqualTo(403);
        assertThat(app.bean(FindingTriage.class).overrides())
                .noneMatch(o -> o.checkId().equals("aws.s3.bucket/versioning-off") && o.accountId() == null);
    }

    @Test
    void onlyAnUnrestrictedAdminAddsAccountsAndAScopedOneTouchesOnlyItsOwn() {
        assertThat(status(scopedAdmin.json("POST", "/api/v1/accounts", "{\"name\":\"sneaky\",\"accountId\":\"333333333333\"}")))
                .isEqualTo(403);
        assertThat(app.bean(AccountStore.class).findByName("sneaky")).isEmpty();
        assertThat(status(scopedAdmin.json("PATCH", "/api/v1/accounts/" + devId, "{\"active\":false}"))).isEqualTo(404);
        assertThat(status(scopedAdmin.json("POST", "/api/v1/accounts/" + devId + "/test", null))).isEqualTo(404);
        assertThat(app.bean(AccountStore.class).findById(devId).orElseThrow().active()).isTrue();
        assertThat(status(scopedAdmin.json("PATCH", "/api/v1/accounts/" + prodId, "{\"active\":true}"))).isEqualTo(200);
    }

    @Test
    void watchIntervalsForEveryAccountOnlyByAnUnrestrictedAdmin() {
        assertThat(status(scopedAdmin.json("PUT", "/api/v1/watch-intervals", "{\"minutes\":5}"))).isEqualTo(403);
        assertThat(status(scopedAdmin.json("PUT", "/api/v1/watch-intervals",
                "{\"type\":\"aws.s3.bucket\",\"minutes\":5}"))).isEqualTo(403);
        assertThat(status(scopedAdmin.json("PUT", "/api/v1/watch-intervals",
                "{\"accountId\":" + devId + ",\"minutes\":5}"))).isEqualTo(404);
        assertThat(app.bean(WatchIntervalStore.class).list()).isEmpty();
        assertThat(status(scopedAdmin.json("PUT", "/api/v1/watch-intervals",
                "{\"accountId\":" + prodId + ",\"minutes\":5}"))).isEqualTo(200);
        assertThat(status(admin.json("PUT", "/api/v1/watch-intervals",
                "{\"accountId\":" + devId + ",\"minutes\":7}"))).isEqualTo(200);
        JsonNode seen = Json.parse(scopedViewer.get("/api/v1/watch-intervals").body());
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("accountId").asLong()).isEqualTo(prodId);
    }

    @Test
    void scansAreVisibleOnlyToCallersWhoSeeEveryAccountScanned() {
        HttpResponse<String> devScan = admin.json("POST", "/api/v1/scans", "{\"accountIds\":[" + devId + "]}");
        assertThat(status(devScan)).as(devScan.body()).isEqualTo(202);
        long devScanId = Json.parse(devScan.body()).get("id").asLong();
        HttpResponse<String> everything = admin.json("POST", "/api/v1/scans", "{}");
        assertThat(status(everything)).as(everything.body()).isEqualTo(202);
        long everythingId = Json.parse(everything.body()).get("id").asLong();
        HttpResponse<String> ownScan = scopedAdmin.json("POST", "/api/v1/scans", "{}");
        assertThat(status(ownScan)).as(ownScan.body()).isEqualTo(202);
        assertThat(Json.parse(ownScan.body()).get("accounts").toString()).isEqualTo("[\"prod\"]");
        long ownId = Json.parse(ownScan.body()).get("id").asLong();

        List<Long> visible = new ArrayList<>();
        Json.parse(scopedViewer.get("/api/v1/scans").body()).forEach(s -> visible.add(s.get("id").asLong()));
        assertThat(visible).containsExactly(ownId);
        assertThat(status(scopedViewer.get("/api/v1/scans/" + devScanId))).isEqualTo(404);
        assertThat(status(scopedViewer.get("/api/v1/scans/" + everythingId))).isEqualTo(404);
        assertThat(status(scopedViewer.get("/api/v1/scans/" + ownId))).isEqualTo(200);
        List<Long> all = new ArrayList<>();
        Json.parse(admin.get("/api/v1/scans").body()).forEach(s -> all.add(s.get("id").asLong()));
        assertThat(all).contains(devScanId, everythingId, ownId);
        assertThat(status(scopedAdmin.json("POST", "/api/v1/scans", "{\"accountIds\":[" + devId + "]}")))
                .isEqualTo(404);
    }
}
