package io.watchkeeper.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Changing one's own password (current password required), an admin's reset (a temporary password
 * that must be changed at the next sign-in), the one-time initial admin password, and bcrypt's
 * 72-byte limit answered as bad input everywhere.
 */
class PasswordTest {

    private static final String TOO_LONG_ASCII = "x".repeat(73);
    private static final String TOO_LONG_UTF8 = "€".repeat(25); // 25 characters, 75 bytes
    private static WebApp app;
    private static String adminToken;

    @BeforeAll
    static void start() {
        app = WebApp.start();
        adminToken = app.token("admin", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("status " + response.statusCode());
    }

    private static long id(String username) {
        return app.bean(UserStore.class).find(username).orElseThrow().id();
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).contains(detail);
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOne() {
        app.user("changer", Role.VIEWER, Set.of());
        String token = app.token("changer", Role.VIEWER);
        WebApp.Session api = app.session().bearer(token);
        assertProblem(api.json("POST", "/api/v1/me/password",
                "{\"currentPassword\":\"not the password\",\"newPassword\":\"a brand new password\"}"), "current password");
        assertProblem(api.json("POST", "/api/v1/me/password",
                "{\"currentPassword\":\"" + WebApp.ADMIN_PASSWORD + "\",\"newPassword\":\"short\"}"), "12");
        assertThat(api.json("POST", "/api/v1/me/password",
                "{\"currentPassword\":\"" + WebApp.ADMIN_PASSWORD + "\",\"newPassword\":\"a brand new password\"}")
                .statusCode()).isEqualTo(204);
        assertThat(location(app.session().login("changer", WebApp.ADMIN_PASSWORD))).contains("error");
        assertThat(location(app.session().login("changer", "a brand new password"))).doesNotContain("error");

        // and in the console: the page needs the current password; the session survives its own change
        WebApp.Session console = app.session();
        console.login("changer", "a brand new password");
        assertThat(console.get("/password").statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = console.post("/password", Map.of("currentPassword", "nope nope nope",
                "newPassword", "the third password", "confirmPassword", "the third password"), true);
        assertThat(wrong.statusCode()).isEqualTo(400);
        console.get("/password");
        HttpResponse<String> changed = console.post("/password", Map.of("currentPassword", "a brand new password",
                "newPassword", "the third password", "confirmPassword", "the third password"), true);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(console.get("/items").statusCode()).isEqualTo(200);
        assertThat(location(app.session().login("changer", "the third password"))).doesNotContain("error");
        JsonNode log = Json.parse(app.session().bearer(adminToken).get("/api/v1/audit-log?target=user:changer").body());
        assertThat(log.toString()).contains("user.password.change").doesNotContain("the third password");
    }

    @Test
    void anAdminResetForcesAChangeAtTheNextSignIn() {
        app.user("forgetful", Role.JUSTIFIER, Set.of());
        HttpResponse<String> reset = app.session().bearer(adminToken).json("POST",
                "/api/v1/users/" + id("forgetful") + "/password", "{}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String temporary = Json.parse(reset.body()).get("temporaryPassword").asString();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
        assertThat(location(app.session().login("forgetful", WebApp.ADMIN_PASSWORD))).contains("error");

        WebApp.Session console = app.session();
        assertThat(location(console.login("forgetful", temporary))).endsWith("/password");
        // nothing but the change is possible
        assertThat(location(console.get("/findings"))).endsWith("/password");
        assertThat(location(console.get("/"))).endsWith("/password");
        assertThat(console.get("/password").body()).contains("must choose a new password");
        HttpResponse<String> same = console.post("/password", Map.of("currentPassword", temporary,
                "newPassword", temporary, "confirmPassword", temporary), true);
        assertThat(same.statusCode()).isEqualTo(400);
        console.get("/password");
        HttpResponse<String> changed = console.post("/password", Map.of("currentPassword", temporary,
                "newPassword", "my own new password", "confirmPassword", "my own new password"), true);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(console.get("/findings").statusCode()).isEqualTo(200);
        assertThat(location(app.session().login("forgetful", "my own new password"))).doesNotContain("/password");
    }

    @Test
    void theUsersPageResetsAPasswordAndShowsTheTemporaryOneOnce() {
        app.user("reset-in-console", Role.VIEWER, Set.of());
        WebApp.Session admin = app.session();
        admin.login("admin", WebApp.ADMIN_PASSWORD);
        admin.get("/users");
        HttpResponse<String> reset = admin.post("/users/" + id("reset-in-console") + "/password", Map.of(), true);
        assertThat(location(reset)).endsWith("/users");
        String page = admin.get("/users").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"temporary-password\">([^<]+)<").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        String temporary = m.group(1);
        assertThat(admin.get("/users").body()).doesNotContain(temporary); // shown once
        assertThat(location(app.session().login("reset-in-console", temporary))).endsWith("/password");
        assertThat(Json.parse(app.session().bearer(adminToken).get("/api/v1/audit-log?target=user:reset-in-console")
                .body()).toString()).contains("user.password.reset").doesNotContain(temporary);
    }

    @Test
    void passwordsOverBcryptsSeventyTwoBytesAreBadInputEverywhere() {
        WebApp.Session api = app.session().bearer(adminToken);
        for (String tooLong : new String[] {TOO_LONG_ASCII, TOO_LONG_UTF8}) {
            assertProblem(api.json("POST", "/api/v1/users", "{\"username\":\"long-pw\",\"role\":\"VIEWER\",\"password\":\""
                    + tooLong + "\"}"), "72 bytes");
            assertThat(app.bean(UserStore.class).find("long-pw")).isEmpty();
            assertProblem(api.json("POST", "/api/v1/me/password", "{\"currentPassword\":\"" + WebApp.ADMIN_PASSWORD
                    + "\",\"newPassword\":\"" + tooLong + "\"}"), "72 bytes");
            assertProblem(api.json("POST", "/api/v1/users/" + id("admin") + "/password",
                    "{\"password\":\"" + tooLong + "\"}"), "72 bytes");
        }
        // exactly 72 bytes is fine
        assertThat(api.json("POST", "/api/v1/users", "{\"username\":\"long-pw\",\"role\":\"VIEWER\",\"password\":\""
                + "€".repeat(24) + "\"}").statusCode()).isEqualTo(201);
        assertThat(location(app.session().login("long-pw", "€".repeat(24)))).doesNotContain("error");
        // signing in with an over-long password is a wrong password, not an error page
        assertThat(location(app.session().login("long-pw", TOO_LONG_UTF8))).endsWith("error=bad");
        // the console's form answers 400 too
        WebApp.Session console = app.session();
        console.login("admin", WebApp.ADMIN_PASSWORD);
        console.get("/users");
        assertThat(console.post("/users", Map.of("username", "long-console", "role", "VIEWER", "password", TOO_LONG_UTF8),
                true).statusCode()).isEqualTo(400);
    }

    @Test
    void theOneTimeAdminPasswordMustBeChangedAndItsFileIsThenDeleted() throws Exception {
        try (WebApp fresh = WebApp.startWithGeneratedAdmin()) {
            Path file = fresh.home.resolve("initial-admin-password");
            String oneTime = Files.readString(file).strip();
            WebApp.Session console = fresh.session();
            assertThat(location(console.login("admin", oneTime))).endsWith("/password");
            assertThat(location(console.get("/accounts"))).endsWith("/password");
            console.get("/password");
            assertThat(console.post("/password", Map.of("currentPassword", oneTime, "newPassword", "the admin's own password",
                    "confirmPassword", "the admin's own password"), true).statusCode()).isEqualTo(302);
            assertThat(file).doesNotExist();
            assertThat(console.get("/accounts").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTooShortConfiguredAdminPasswordStopsTheFirstStart() {
        assertThatThrownBy(() -> WebApp.startWithGeneratedAdmin("--watchkeeper.admin-password=short").close())
                .hasStackTraceContaining("WATCHKEEPER_ADMIN_PASSWORD").hasStackTraceContaining("at least 12");
        assertThatThrownBy(() -> WebApp.startWithGeneratedAdmin("--watchkeeper.admin-password=" + TOO_LONG_UTF8).close())
                .hasStackTraceContaining("WATCHKEEPER_ADMIN_PASSWORD").hasStackTraceContaining("72 bytes");
    }
}
