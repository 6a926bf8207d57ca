package io.watchkeeper.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.ApiTokenStore;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.web.service.AccessAdmin;
import io.watchkeeper.web.testing.WebApp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tokens, account scopes, CSRF, cookies, headers, login throttling and the initial admin. */
class AccessControlTest {

    private static WebApp app;
    private static long prodId;
    private static long devId;

    @BeforeAll
    static void start() {
        app = WebApp.start("--watchkeeper.security.lockout-threshold=3");
        AccountStore accounts = app.bean(AccountStore.class);
        prodId = accounts.add(new AccountSpec(Provider.AWS, "prod", "111111111111", AccountAccess.NONE, List.of("us-east-1"),
                Map.of(), false)).id();
        devId = accounts.add(new AccountSpec(Provider.AWS, "dev", "222222222222", AccountAccess.NONE, List.of("us-east-1"),
                Map.of(), false)).id();
        var dsl = app.db.dsl();
        for (long account : List.of(prodId, devId)) {
            dsl.execute("INSERT INTO item (account_id, resource_type, scope_region, region, resource_id, name) "
                    + "VALUES (?, 'aws.s3.bucket', 'global', 'us-east-1', ?, ?)", account, "arn:aws:s3:::b-" + account,
                    "bucket-of-" + account);
            dsl.execute("INSERT INTO item_revision (item_id, revision_no, kind, config) SELECT id, 1, 'created', "
                    + "'{\"tags\":{\"env\":\"prod\"}}'::jsonb FROM item WHERE account_id = ?", account);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return Json.parse(response.body());
    }

    @Test
    void tokensSeeOnlyTheirAccountsAndNeverMoreThanTheirOwner() {
        app.user("scoped", Role.JUSTIFIER, Set.of(prodId));
        Caller scoped = new Caller("scoped", Role.JUSTIFIER, AccountScope.of(Set.of(prodId)), "password");
        AccessAdmin access = app.bean(AccessAdmin.class);
        String token = access.createToken("ro", Role.VIEWER, null, null, scoped).secret();

        JsonNode items = json(app.session().bearer(token).get("/api/v1/items")).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("account").asString()).isEqualTo("prod");
        long devItem = app.db.dsl().fetchValue("SELECT id FROM item WHERE account_id = ?", devId) instanceof Long l ? l : -1;
        assertThat(app.session().bearer(token).get("/api/v1/items/" + devItem).statusCode()).isEqualTo(404);
        assertThat(json(app.session().bearer(token).get("/api/v1/accounts"))).hasSize(1);
        // the token is a viewer even though its owner is a justifier
        assertThat(app.session().bearer(token).json("POST", "/api/v1/findings/justify/preview",
                "{\"ids\":[1],\"reason\":\"x\"}").statusCode()).isEqualTo(403);

        assertThatThrownBy(() -> access.createToken("up", Role.ADMIN, null, null, scoped))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("higher role");
        assertThatThrownBy(() -> access.createToken("wide", Role.VIEWER, Set.of(prodId, devId), null, scoped))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot see");
        // tokens cannot mint tokens
        assertThat(app.session().bearer(token).json("POST", "/api/v1/tokens", "{\"name\":\"again\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void demotedDisabledRevokedAndExpiredTokensLoseTheirPower() throws InterruptedException {
        app.user("demote-me", Role.ADMIN, Set.of());
        String token = app.token("demote-me", Role.ADMIN);
        assertThat(app.session().bearer(token).get("/api/v1/users").statusCode()).isEqualTo(200);
        UserStore users = app.bean(UserStore.class);
        long id = users.find("demote-me").orElseThrow().id();
        AccessAdmin access = app.bean(AccessAdmin.class);
        access.updateUser(id, Role.VIEWER, Set.of(), true, WebApp.SYSTEM_ADMIN);
        assertThat(app.session().bearer(token).get("/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(app.session().bearer(token).get("/api/v1/items").statusCode()).isEqualTo(200);
        access.updateUser(id, Role.VIEWER, Set.of(), false, WebApp.SYSTEM_ADMIN);
        assertThat(app.session().bearer(token).get("/api/v1/items").statusCode()).isEqualTo(401);

        app.user("revoker", Role.VIEWER, Set.of());
        String revoked = app.token("revoker", Role.VIEWER);
        WebApp.Session api = app.session().bearer(revoked);
        assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);
        long tokenId = json(api.get("/api/v1/tokens")).get(0).get("id").asLong();
        assertThat(json(api.get("/api/v1/tokens")).get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(api.json("DELETE", "/api/v1/tokens/" + tokenId, null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(401);

        ApiTokenStore tokens = app.bean(ApiTokenStore.class);
        String secret = TokenSecrets.generate();
        long owner = users.find("revoker").orElseThrow().id();
        tokens.create(owner, "old", TokenSecrets.displayPrefix(secret), TokenSecrets.hash(secret), Role.VIEWER,
                AccountScope.ALL, OffsetDateTime.now().plusSeconds(2));
        assertThat(app.session().bearer(secret).get("/api/v1/me").statusCode()).isEqualTo(200);
        // the cached authentication ends with the token, not TTL later
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (app.session().bearer(secret).get("/api/v1/me").statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(app.session().bearer(secret).get("/api/v1/me").statusCode()).isEqualTo(401);
        // malformed and unknown secrets
        assertThat(app.session().bearer("wkt_short").get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(app.session().bearer(TokenSecrets.generate()).get("/api/v1/me").statusCode()).isEqualTo(401);
        // secrets are stored as hashes only
        assertThat(app.db.dsl().fetchCount(app.db.dsl().selectFrom("api_token").where("secret_hash = ?", secret)))
                .isZero();
    }

    @Test
    void formsNeedTheCsrfTokenAndCookiesAreLockedDown() {
        WebApp.Session admin = app.session();
        HttpResponse<String> login = admin.login("admin", WebApp.ADMIN_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("WATCHKEEPER_SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        admin.get("/tokens");
        assertThat(admin.post("/tokens", Map.of("name", "no-csrf", "role", "VIEWER"), false).statusCode()).isEqualTo(403);
        assertThat(admin.post("/tokens", Map.of("name", "with-csrf", "role", "VIEWER"), true).statusCode()).isEqualTo(302);
        assertThat(app.db.dsl().fetchCount(app.db.dsl().selectFrom("api_token").where("name = 'no-csrf'"))).isZero();
        assertThat(app.db.dsl().fetchCount(app.db.dsl().selectFrom("api_token").where("name = 'with-csrf'"))).isOne();

        HttpResponse<String> page = admin.get("/items");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void repeatedWrongPasswordsLockTheUserEvenAgainstTheRightOne() {
        app.user("guessed", Role.VIEWER, Set.of());
        for (int i = 0; i < 3; i++) {
            assertThat(app.session().login("guessed", "wrong password " + i).headers().firstValue("Location").orElse(""))
                    .endsWith("/login?error=bad");
        }
        assertThat(app.session().login("guessed", WebApp.ADMIN_PASSWORD).headers().firstValue("Location").orElse(""))
                .endsWith("/login?error=locked");
        assertThat(app.bean(UserStore.class).loginState("guessed").lockedUntil()).isAfter(OffsetDateTime.now());
        // another user is not affected; unknown users get the same answer as wrong passwords
        assertThat(app.session().login("admin", WebApp.ADMIN_PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        assertThat(app.session().login("nobody-here", "whatever").headers().firstValue("Location").orElse(""))
                .endsWith("/login?error=bad");
    }

    @Test
    void everyWriteIsInTheAuditLog() {
        String token = app.token("admin", Role.ADMIN);
        WebApp.Session api = app.session().bearer(token);
        assertThat(api.json("POST", "/api/v1/users", "{\"username\":\"audited\",\"role\":\"VIEWER\",\"password\":\"long enough password\"}")
                .statusCode()).isEqualTo(201);
        assertThat(api.json("PUT", "/api/v1/watch-intervals", "{\"accountId\":" + prodId + ",\"minutes\":15}")
                .statusCode()).isEqualTo(200);
        JsonNode log = json(api.get("/api/v1/audit-log?limit=50")).get("items");
        List<String> actions = Stream.iterate(0, i -> i < log.size(), i -> i + 1).map(i -> log.get(i).get("action").asString()).toList();
        assertThat(actions).contains("user.create", "watch.interval.set", "token.create");
        assertThat(log.toString()).doesNotContain("long enough password");
        // short passwords are refused with a problem detail, nothing stored
        HttpResponse<String> weak = api.json("POST", "/api/v1/users", "{\"username\":\"weak\",\"role\":\"VIEWER\",\"password\":\"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(app.bean(UserStore.class).find("weak")).isEmpty();
    }

    @Test
    void templatesNeverRenderUnescapedTextOrInlineScript() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.list(templates)) {
            List<Path> all = files.toList();
            assertThat(all).hasSizeGreaterThan(10);
            for (Path file : all) {
                String html = Files.readString(file);
                assertThat(html).as(file.toString()).doesNotContain("th:utext").doesNotContain("[(${")
                        .doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=");
            }
        }
    }

    @Test
    void firstStartWritesAOneTimeAdminPasswordOwnerOnly() throws IOException {
        try (WebApp fresh = WebApp.startWithGeneratedAdmin()) {
            Path file = fresh.home.resolve("initial-admin-password");
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            String password = Files.readString(file).strip();
            assertThat(password).hasSize(24);
            assertThat(fresh.session().login("admin", password).headers().firstValue("Location").orElse(""))
                    .doesNotContain("error");
            assertThat(fresh.session().login("admin", WebApp.ADMIN_PASSWORD).headers().firstValue("Location").orElse(""))
                    .contains("error");
        }
    }
}
