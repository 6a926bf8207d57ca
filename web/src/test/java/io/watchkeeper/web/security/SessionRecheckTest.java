package io.watchkeeper.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.web.service.AccessAdmin;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Console sessions follow the user: every request sees the user's current role, accounts and
 * enabled flag (reloaded at most 10 s late, on every node of one database); a change to the user
 * ends their sessions; a session has an absolute lifetime besides its idle timeout.
 */
class SessionRecheckTest {

    private static WebApp app;
    private static WebApp otherNode;
    private static long prodId;
    private static long devItem;

    @BeforeAll
    static void start() {
        app = WebApp.start();
        otherNode = WebApp.secondNode(app);
        AccountStore accounts = app.bean(AccountStore.class);
        prodId = accounts.add(new AccountSpec(Provider.AWS, "prod", "111111111111", AccountAccess.NONE, List.of("us-east-1"),
                Map.of(), false)).id();
        long devId = accounts.add(new AccountSpec(Provider.AWS, "dev", "222222222222", AccountAccess.NONE,
                List.of("us-east-1"), Map.of(), false)).id();
        var dsl = app.db.dsl();
        dsl.execute("INSERT INTO item (account_id, resource_type, scope_region, region, resource_id, name) "
                + "VALUES (?, 'aws.s3.bucket', 'global', 'us-east-1', 'arn:aws:s3:::dev-bucket', 'dev-bucket')", devId);
        dsl.execute("INSERT INTO item_revision (item_id, revision_no, kind, config) SELECT id, 1, 'created', "
                + "'{}'::jsonb FROM item WHERE account_id = ?", devId);
        devItem = ((Number) dsl.fetchValue("SELECT id FROM item WHERE account_id = ?", devId)).longValue();
    }

    @AfterAll
    static void stop() {
        otherNode.close();
        app.close();
    }

    private static WebApp.Session signIn(WebApp node, String username) {
        WebApp.Session session = node.session();
        assertThat(session.login(username, WebApp.ADMIN_PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        return session;
    }

    private static long id(String username) {
        return app.bean(UserStore.class).find(username).orElseThrow().id();
    }

    private static void assertSignedOut(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aDisabledUsersSessionEndsAtOnceAndStaysEnded() {
        app.user("to-disable", Role.JUSTIFIER, Set.of());
        WebApp.Session session = signIn(app, "to-disable");
        assertThat(session.get("/findings").statusCode()).isEqualTo(200);
        AccessAdmin access = app.bean(AccessAdmin.class);
        access.updateUser(id("to-disable"), Role.JUSTIFIER, Set.of(), false, WebApp.SYSTEM_ADMIN);
        assertSignedOut(session.get("/findings"));
        access.updateUser(id("to-disable"), Role.JUSTIFIER, Set.of(), true, WebApp.SYSTEM_ADMIN);
        assertSignedOut(session.get("/findings")); // enabling again does not revive the old session
        assertThat(signIn(app, "to-disable").get("/findings").statusCode()).isEqualTo(200);
    }

    @Test
    void aDemotionAppliesAtOnce() {
        app.user("to-demote", Role.ADMIN, Set.of());
        WebApp.Session session = signIn(app, "to-demote");
        assertThat(session.get("/users").statusCode()).isEqualTo(200);
        app.bean(AccessAdmin.class).updateUser(id("to-demote"), Role.VIEWER, Set.of(), true, WebApp.SYSTEM_ADMIN);
        assertThat(session.get("/users").statusCode()).isNotEqualTo(200);
        assertSignedOut(session.get("/items"));
        WebApp.Session again = signIn(app, "to-demote");
        assertThat(again.get("/users").statusCode()).isEqualTo(403);
        assertThat(again.get("/items").statusCode()).isEqualTo(200);
    }

    @Test
    void aNarrowerScopeAppliesAtOnce() {
        app.user("to-narrow", Role.VIEWER, Set.of());
        WebApp.Session session = signIn(app, "to-narrow");
        assertThat(session.get("/items/" + devItem).statusCode()).isEqualTo(200);
        app.bean(AccessAdmin.class).updateUser(id("to-narrow"), Role.VIEWER, Set.of(prodId), true, WebApp.SYSTEM_ADMIN);
        assertThat(session.get("/items/" + devItem).statusCode()).isNotEqualTo(200);
        assertThat(signIn(app, "to-narrow").get("/items/" + devItem).statusCode()).isEqualTo(404);
    }

    @Test
    void aPasswordResetEndsTheUsersSessions() {
        app.user("to-reset", Role.VIEWER, Set.of());
        WebApp.Session session = signIn(app, "to-reset");
        assertThat(session.get("/items").statusCode()).isEqualTo(200);
        app.bean(AccessAdmin.class).resetPassword(id("to-reset"), "a temporary password", WebApp.SYSTEM_ADMIN);
        assertSignedOut(session.get("/items"));
    }

    @Test
    void aChangeOnOneNodeEndsSessionsOnEveryNodeWithinTheCacheWindow() throws InterruptedException {
        app.user("two-nodes", Role.VIEWER, Set.of());
        WebApp.Session onOther = signIn(otherNode, "two-nodes");
        assertThat(onOther.get("/items").statusCode()).isEqualTo(200);
        app.bean(AccessAdmin.class).updateUser(id("two-nodes"), Role.VIEWER, Set.of(), false, WebApp.SYSTEM_ADMIN);
        long changed = System.nanoTime();
        HttpResponse<String> last = onOther.get("/items");
        while (last.statusCode() == 200 && System.nanoTime() - changed < 20_000_000_000L) {
            Thread.sleep(250);
            last = onOther.get("/items");
        }
        double seconds = (System.nanoTime() - changed) / 1e9;
        assertSignedOut(last);
        assertThat(last.headers().firstValue("Location").orElse("")).contains("ended");
        assertThat(seconds).as("refused after %.1f s (cache window 10 s)", seconds).isLessThan(15);
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeEvenWhenActive() throws InterruptedException {
        try (WebApp shortLived = WebApp.start("--watchkeeper.security.session-max-age=4s")) {
            shortLived.user("busy", Role.VIEWER, Set.of());
            WebApp.Session session = signIn(shortLived, "busy");
            long start = System.nanoTime();
            HttpResponse<String> last = session.get("/items");
            while (last.statusCode() == 200 && System.nanoTime() - start < 15_000_000_000L) {
                Thread.sleep(200); // always active: the idle timeout never applies
                last = session.get("/items");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertSignedOut(last);
            assertThat(last.headers().firstValue("Location").orElse("")).contains("expired");
            assertThat(seconds).as("ended after %.1f s (max age 4 s)", seconds).isBetween(2.0, 10.0);
        }
    }
}
