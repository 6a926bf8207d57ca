package io.watchkeeper.web;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.web.testing.CliHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** {@code watchkeeper users}: the same service as the console and the API, acting as {@code cli:<os user>}. */
class UsersCliTest {

    private static final Pattern TEMPORARY = Pattern.compile("temporary password: (\\S+)");

    @TempDir
    static Path dir;

    private static CliHarness cli;

    @BeforeAll
    static void start() {
        cli = new CliHarness();
        ok("accounts", "add", "aws", "--name", "prod", "--account-id", "111111111111");
        ok("accounts", "add", "aws", "--name", "dev", "--account-id", "222222222222");
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    private static CliHarness.Run ok(String... args) {
        CliHarness.Run run = cli.run(args);
        assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.out() + run.err()).isZero();
        return run;
    }

    private static CliHarness.Run bad(String... args) {
        CliHarness.Run run = cli.run(args);
        assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ");
        assertThat(run.err().strip().lines().count()).isOne();
        return run;
    }

    private static User user(String name) {
        return cli.bean(UserStore.class).find(name).orElseThrow();
    }

    private static String temporary(CliHarness.Run run) {
        Matcher m = TEMPORARY.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(1);
    }

    private static boolean passwordIs(String username, String password) {
        String hash = cli.bean(UserStore.class).passwordHash(username).orElseThrow();
        return cli.bean(PasswordEncoder.class).matches(password, hash);
    }

    private static int audited(String action, String target) {
        return cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq(action).and(AUDIT_LOG.TARGET.eq(target))
                .and(AUDIT_LOG.ACTOR.startsWith("cli:")));
    }

    @Test
    void addListChangeDisableAndResetUsers() {
        long prod = cli.bean(AccountStore.class).require("prod").id();
        String firstPassword = temporary(ok("users", "add", "alice", "--role", "justifier", "--accounts", "prod",
                "--display-name", "Alice A."));
        assertThat(user("alice").role()).isEqualTo(Role.JUSTIFIER);
        assertThat(user("alice").scope()).isEqualTo(AccountScope.of(Set.of(prod)));
        assertThat(user("alice").mustChangePassword()).isTrue();
        assertThat(passwordIs("alice", firstPassword)).isTrue();
        assertThat(audited("user.create", "user:alice")).isOne();

        JsonNode list = Json.parse(ok("users", "list", "--format", "json").out());
        assertThat(list.toString()).contains("\"alice\"").contains("JUSTIFIER").contains("prod")
                .doesNotContain(firstPassword);
        assertThat(ok("users", "list").out()).contains("alice").contains("justifier");

        ok("users", "set-role", "alice", "admin");
        assertThat(user("alice").role()).isEqualTo(Role.ADMIN);
        ok("users", "set-scope", "alice", "--all");
        assertThat(user("alice").scope().unrestricted()).isTrue();
        ok("users", "set-scope", "alice", "--accounts", "prod,dev");
        assertThat(user("alice").scope().accountIds()).hasSize(2);
        ok("users", "disable", "alice");
        assertThat(user("alice").enabled()).isFalse();
        ok("users", "enable", "alice");
        assertThat(user("alice").enabled()).isTrue();
        assertThat(audited("user.update", "user:alice")).isEqualTo(5);

        String second = temporary(ok("users", "reset-password", "alice"));
        assertThat(second).isNotEqualTo(firstPassword);
        assertThat(passwordIs("alice", second)).isTrue();
        assertThat(user("alice").mustChangePassword()).isTrue();
        assertThat(audited("user.password.reset", "user:alice")).isOne();
    }

    @Test
    void aPasswordFromAFileIsNotPrintedAndNotTemporary() throws Exception {
        Path file = dir.resolve("bob.txt");
        Files.writeString(file, "bob's chosen password\n", StandardCharsets.UTF_8);
        CliHarness.Run run = ok("users", "add", "bob", "--role", "viewer", "--password-file", file.toString());
        assertThat(run.out()).doesNotContain("bob's chosen password").doesNotContain("temporary password");
        assertThat(passwordIs("bob", "bob's chosen password")).isTrue();
        assertThat(user("bob").mustChangePassword()).isFalse();
    }

    @Test
    void badInputWritesNothing() throws Exception {
        int before = cli.db.dsl().fetchCount(AUDIT_LOG);
        assertThat(bad("users", "add", "carol", "--role", "boss").err()).contains("unknown role");
        assertThat(bad("users", "add", "carol", "--role", "viewer", "--accounts", "nowhere").err()).contains("nowhere");
        assertThat(bad("users", "add", "bad name!", "--role", "viewer").err()).contains("username");
        Path tooLong = dir.resolve("long.txt");
        Files.writeString(tooLong, "€".repeat(25), StandardCharsets.UTF_8);
        assertThat(bad("users", "add", "carol", "--role", "viewer", "--password-file", tooLong.toString()).err())
                .contains("72 bytes");
        assertThat(cli.bean(UserStore.class).find("carol")).isEmpty();
        assertThat(bad("users", "set-role", "nobody", "admin").err()).contains("nobody");
        assertThat(bad("users", "disable", "nobody").err()).contains("nobody");
        assertThat(bad("users", "set-scope", "nobody").err()).contains("--accounts");
        assertThat(cli.db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(before);
    }
}
