package io.watchkeeper.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.web.service.AccessAdmin;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/**
 * An admin limited to some accounts administers only within them: no users, no other people's
 * tokens, no scope widening, and only the audit entries it made or that concern its accounts.
 */
class ScopedAdminTest {

    private static WebApp app;
    private static long prodId;
    private static long devId;
    private static Caller scoped;
    private static String scopedToken;
    private static String adminToken;
    private static long adminTokenId;

    @BeforeAll
    static void start() {
        app = WebApp.start();
        AccountStore accounts = app.bean(AccountStore.class);
        prodId = accounts.add(new AccountSpec(Provider.AWS, "prod", "111111111111", AccountAccess.NONE, List.of("us-east-1"),
                Map.of(), false)).id();
        devId = accounts.add(new AccountSpec(Provider.AWS, "dev", "222222222222", AccountAccess.NONE, List.of("us-east-1"),
                Map.of(), false)).id();
        app.user("scoped-admin", Role.ADMIN, Set.of(prodId));
        app.user("bystander", Role.VIEWER, Set.of(devId));
        scoped = new Caller("scoped-admin", Role.ADMIN, AccountScope.of(Set.of(prodId)), "password");
        scopedToken = app.bean(AccessAdmin.class).createToken("scoped", Role.ADMIN, null, null, scoped).secret();
        var issued = app.bean(AccessAdmin.class).createToken("admin-ci", Role.ADMIN, null, null, WebApp.SYSTEM_ADMIN);
        adminToken = issued.secret();
        adminTokenId = issued.token().id();
        // one audit entry per account, made by the unrestricted admin
        io.watchkeeper.web.service.WatchIntervals intervals = app.bean(io.watchkeeper.web.service.WatchIntervals.class);
        intervals.set(prodId, null, 15, WebApp.SYSTEM_ADMIN);
        intervals.set(devId, null, 20, WebApp.SYSTEM_ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static User user(String name) {
        return app.bean(UserStore.class).find(name).orElseThrow();
    }

    @Test
    void theServiceRefusesUserAdministrationToAScopedAdmin() {
        AccessAdmin access = app.bean(AccessAdmin.class);
        assertThatThrownBy(() -> access.users(scoped)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> access.createUser("escaped", null, Role.ADMIN, Set.of(), "a long enough password", scoped))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(app.bean(UserStore.class).find("escaped")).isEmpty();
        long self = user("scoped-admin").id();
        assertThatThrownBy(() -> access.updateUser(self, Role.ADMIN, Set.of(), true, scoped))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> access.updateUser(self, Role.ADMIN, Set.of(prodId, devId), true, scoped))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(user("scoped-admin").scope()).isEqualTo(AccountScope.of(Set.of(prodId)));
        long other = user("bystander").id();
        assertThatThrownBy(() -> access.resetPassword(other, "another long password", scoped))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> access.tokens(scoped, true)).isInstanceOf(AccessDeniedException.class);
        assertThat(access.tokens(scoped, false)).extracting(t -> t.username()).containsOnly("scoped-admin");
        assertThatThrownBy(() -> access.revokeToken(adminTokenId, scoped)).isInstanceOf(Caller.NotVisibleException.class);
    }

    @Test
    void theApiRefusesUserAdministrationToAScopedAdmin() {
        WebApp.Session api = app.session().bearer(scopedToken);
        assertThat(api.get("/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(api.json("POST", "/api/v1/users",
                "{\"username\":\"escaped-api\",\"role\":\"ADMIN\",\"password\":\"a long enough password\"}").statusCode())
                .isEqualTo(403);
        assertThat(app.bean(UserStore.class).find("escaped-api")).isEmpty();
        long self = user("scoped-admin").id();
        assertThat(api.json("PATCH", "/api/v1/users/" + self, "{\"role\":\"ADMIN\",\"enabled\":true,\"accountIds\":[]}")
                .statusCode()).isEqualTo(403);
        assertThat(user("scoped-admin").scope().unrestricted()).isFalse();
        long other = user("bystander").id();
        assertThat(api.json("PATCH", "/api/v1/users/" + other, "{\"role\":\"ADMIN\",\"enabled\":true}").statusCode())
                .isEqualTo(403);
        assertThat(user("bystander").role()).isEqualTo(Role.VIEWER);
        assertThat(api.json("POST", "/api/v1/users/" + other + "/password", "{\"password\":\"another long password\"}")
                .statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/tokens?all=true").statusCode()).isEqualTo(403);
        JsonNode own = Json.parse(api.get("/api/v1/tokens").body());
        assertThat(own.findValuesAsString("username")).containsOnly("scoped-admin");
        assertThat(api.json("DELETE", "/api/v1/tokens/" + adminTokenId, null).statusCode()).isEqualTo(404);
        assertThat(app.session().bearer(adminToken).get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aScopedAdminReadsOnlyItsOwnAndItsAccountsAuditEntries() {
        JsonNode entries = Json.parse(app.session().bearer(scopedToken).get("/api/v1/audit-log?limit=500").body())
                .get("items");
        List<String> targets = new ArrayList<>();
        entries.forEach(e -> targets.add(e.get("actor").asString() + " " + e.get("action").asString() + " "
                + e.get("target").asString()));
        assertThat(targets).as("own entries").contains("scoped-admin token.create token:" + tokenIdOf("scoped"));
        assertThat(targets).as("entries of its account").anyMatch(t -> t.contains("watch.interval.set interval:" + prodId + ":"));
        assertThat(targets).as("entries of other accounts").noneMatch(t -> t.contains("interval:" + devId + ":"));
        assertThat(targets).as("other people's administration").noneMatch(t -> t.contains("user:bystander"))
                .noneMatch(t -> t.contains("token:" + adminTokenId));
        // the unrestricted admin reads everything
        JsonNode all = Json.parse(app.session().bearer(adminToken).get("/api/v1/audit-log?limit=500").body()).get("items");
        assertThat(all.toString()).contains("interval:" + devId + ":").contains("user:bystander");
    }

    @Test
    void theConsoleRefusesUserPagesAndFiltersTokensAndAuditLog() {
        WebApp.Session console = app.session();
        assertThat(console.login("scoped-admin", WebApp.ADMIN_PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        assertThat(console.get("/users").statusCode()).isEqualTo(403);
        console.get("/tokens");
        HttpResponse<String> create = console.post("/users", Map.of("username", "escaped-console", "role", "ADMIN",
                "password", "a long enough password"), true);
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(app.bean(UserStore.class).find("escaped-console")).isEmpty();
        HttpResponse<String> tokens = console.get("/tokens");
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(tokens.body()).contains("scoped").doesNotContain("admin-ci");
        HttpResponse<String> audit = console.get("/audit-log");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("interval:" + prodId + ":").doesNotContain("interval:" + devId + ":")
                .doesNotContain("user:bystander");
    }

    private static long tokenIdOf(String name) {
        return app.bean(io.watchkeeper.core.access.ApiTokenStore.class).list(null).stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }
}
