package io.watchkeeper.web.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL trusts nobody: no passwordless or wrong-password connection, owner-only
 * folders and secret, and a data folder from an earlier (trusting) version is closed on its next
 * start without losing data.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void aNewDatabaseNeedsItsPasswordAndKeepsItsFilesToItsOwner() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(home, 0)) {
            assertThat(db.owned()).isTrue();
            try (Connection c = connect(db.jdbcUrl(), db.password())) {
                assertThat(one(c, "SELECT current_setting('password_encryption')")).isEqualTo("scram-sha-256");
                assertThat(one(c, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'")).isEqualTo("0");
                assertThat(one(c, "SELECT current_setting('unix_socket_directories')"))
                        .isEqualTo(home.resolve("run").toString());
            }
            assertRefused(db.jdbcUrl(), null);
            assertRefused(db.jdbcUrl(), "wrong-password");
            assertRefused(db.jdbcUrl().replace("/watchkeeper", "/postgres"), "");

            assertThat(mode(home.resolve("db-password"))).isEqualTo("rw-------");
            assertThat(Files.readString(home.resolve("db-password")).strip()).isEqualTo(db.password()).hasSizeGreaterThan(40);
            for (String dir : new String[] {"", "pg-bin", "run", "pgdata"}) {
                assertThat(mode(home.resolve(dir))).as(dir).isEqualTo("rwx------");
            }
            try (var binaries = Files.list(home.resolve("pg-bin"))) {
                assertThat(binaries.toList()).as("binaries extracted under WATCHKEEPER_HOME").isNotEmpty();
            }
            try (var socket = Files.list(home.resolve("run"))) {
                assertThat(socket.map(p -> p.getFileName().toString()).toList()).contains(".s.PGSQL." + db.port());
            }
            assertThat(Files.readString(home.resolve("pgdata/pg_hba.conf"))).doesNotContain("trust");

            // the command line while the server runs: attaches with the same password file
            try (EmbeddedDatabase second = EmbeddedDatabase.startOrAttach(home, 0)) {
                assertThat(second.owned()).isFalse();
                assertThat(second.port()).isEqualTo(db.port());
                try (Connection c = connect(second.jdbcUrl(), second.password())) {
                    assertThat(one(c, "SELECT 1")).isEqualTo("1");
                }
            }
        }
        // and after a restart
        try (EmbeddedDatabase again = EmbeddedDatabase.startOrAttach(home, 0)) {
            assertThat(again.owned()).isTrue();
            assertRefused(again.jdbcUrl(), null);
            try (Connection c = connect(again.jdbcUrl(), again.password())) {
                assertThat(one(c, "SELECT 1")).isEqualTo("1");
            }
        }
    }

    @Test
    void aTrustingDataFolderFromAnEarlierVersionIsClosedAndKeepsItsData() throws Exception {
        Path data = home.resolve("pgdata");
        // what earlier versions made: zonky's defaults, trust on 127.0.0.1, no password
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE watchkeeper");
            try (Connection w = old.getDatabase("postgres", "watchkeeper").getConnection(); Statement ws = w.createStatement()) {
                ws.execute("CREATE TABLE kept (v text)");
                ws.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        assertThat(EmbeddedDatabase.trusts(data.resolve("pg_hba.conf"))).isTrue();
        assertThat(home.resolve("db-password")).doesNotExist();

        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(home, 0)) {
            assertRefused(db.jdbcUrl(), null);
            assertRefused(db.jdbcUrl(), "wrong-password");
            try (Connection c = connect(db.jdbcUrl(), db.password())) {
                assertThat(one(c, "SELECT v FROM kept")).isEqualTo("still here");
            }
            assertThat(EmbeddedDatabase.trusts(data.resolve("pg_hba.conf"))).isFalse();
            assertThat(mode(home.resolve("db-password"))).isEqualTo("rw-------");
        }
    }

    @Test
    void aProtectedDatabaseWithoutItsPasswordFileSaysSo() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(home, 0)) {
            assertThat(db.owned()).isTrue();
        }
        Files.delete(home.resolve("db-password"));
        assertThatThrownBy(() -> EmbeddedDatabase.startOrAttach(home, 0))
                .hasMessageContaining("db-password is missing");
        assertThat(home.resolve("db-password")).as("no new password is invented for an existing cluster").doesNotExist();
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() -> connect(url, password).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "28000", "08004"));
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", EmbeddedDatabase.USER);
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(url, props);
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
