package io.watchkeeper.web.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The default database: an embedded PostgreSQL whose data folder lives under
 * {@code WATCHKEEPER_HOME/pgdata}, so data survives restarts. When another Watchkeeper process
 * (the server, say) already runs it, this one connects to it instead of starting a second one.
 *
 * <p>Nothing here trusts the machine's other users: the superuser signs in with scram-sha-256 and a
 * random password kept owner-only in {@code WATCHKEEPER_HOME/db-password}; {@code pg_hba.conf}
 * accepts nothing else; the server listens on 127.0.0.1 only, its Unix socket sits in
 * {@code WATCHKEEPER_HOME/run} (0700) and its binaries are extracted to
 * {@code WATCHKEEPER_HOME/pg-bin} (0700) rather than the shared temporary folder. A data folder made
 * by an earlier version (passwordless, {@code trust}) is upgraded on its next start: the password is
 * set, {@code pg_hba.conf} rewritten and reloaded, and the data kept.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "watchkeeper";
    public static final String USER = "postgres";

    /** Unix socket paths are limited to 107 bytes; with a longer home the socket is switched off. */
    private static final int MAX_SOCKET_DIR = 90;

    static final String HBA = """
            # Written by Watchkeeper: every connection needs the password in WATCHKEEPER_HOME/db-password.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private final EmbeddedPostgres owned;
    private final int port;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres owned, int port, String password) {
        this.owned = owned;
        this.port = port;
        this.password = password;
    }

    /** Connects to the running embedded server in {@code home}, or starts it. */
    public static EmbeddedDatabase startOrAttach(Path home, int preferredPort) {
        Path data = home.resolve("pgdata");
        try {
            OwnerOnly.directory(home);
            String password = OwnerOnly.secret(home.resolve("db-password"), data);
            Integer running = runningPort(data);
            if (running != null) {
                return ready(new EmbeddedDatabase(null, running, password));
            }
            boolean upgrade = Files.isRegularFile(data.resolve("pg_hba.conf")) && trusts(data.resolve("pg_hba.conf"));
            EmbeddedPostgres pg;
            try {
                pg = builder(home, data, password, preferredPort).start();
            } catch (IllegalStateException e) {
                Integer other = runningPort(data);
                if (other == null) {
                    throw e;
                }
                return ready(new EmbeddedDatabase(null, other, password));
            }
            OwnerOnly.directory(home.resolve("pg-bin")); // zonky opens its working folder to everyone; close it again
            EmbeddedDatabase db = new EmbeddedDatabase(pg, pg.getPort(), password);
            if (upgrade) {
                db.upgradeFromTrust(data);
            }
            return ready(db);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + data + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path home, Path data, String password, int preferredPort)
            throws IOException {
        Path binaries = OwnerOnly.directory(home.resolve("pg-bin"));
        Path socket = OwnerOnly.directory(home.resolve("run"));
        Path passwordFile = home.resolve("db-password");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPgBinaryResolver(new HomeBinaries(binaries))
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // a new cluster gets the password and scram-sha-256 from initdb itself: never a trusting moment
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setConnectConfig("password", password)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("unix_socket_permissions", "0700")
                .setServerConfig("unix_socket_directories",
                        socket.toString().length() <= MAX_SOCKET_DIR ? socket.toString() : "")
                .setDataDirectoryCustomizer(dir -> writeHbaUnlessUpgrading(dir.toPath()))
                .setPGStartupWait(Duration.ofSeconds(60));
        if (preferredPort > 0) {
            builder.setPort(preferredPort);
        }
        return builder;
    }

    /**
     * zonky remembers extracted binaries per resolver for the life of the JVM, whatever the working
     * folder; a resolver per binaries folder keeps them under this home even when the same JVM
     * already extracted them elsewhere (a test's throw-away server, say).
     */
    private record HomeBinaries(Path folder) implements io.zonky.test.db.postgres.embedded.PgBinaryResolver {
        @Override
        public java.io.InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system,
                    machineHardware);
        }
    }

    /** A cluster that still trusts everyone keeps its file until the password is set (after start). */
    private static void writeHbaUnlessUpgrading(Path data) {
        try {
            Path hba = data.resolve("pg_hba.conf");
            if (!trusts(hba)) {
                Files.writeString(hba, HBA, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether any rule in {@code hba} lets a connection in without a password. */
    static boolean trusts(Path hba) throws IOException {
        if (!Files.isRegularFile(hba)) {
            return false;
        }
        for (String line : Files.readAllLines(hba)) {
            String rule = line.replaceFirst("#.*", "").strip();
            if (!rule.isEmpty() && rule.matches(".*\\strust$")) {
                return true;
            }
        }
        return false;
    }

    /** Sets the superuser's password, then closes the door: scram-sha-256 only, reloaded at once. */
    private void upgradeFromTrust(Path data) {
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER USER " + USER + " PASSWORD '" + password.replace("'", "''") + "'");
            Files.writeString(data.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            try (ResultSet rs = s.executeQuery("SELECT pg_reload_conf()")) {
                rs.next();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not upgrade the embedded database in " + data
                    + " to password authentication: " + e.getMessage(), e);
        }
    }

    /** The port of a live postmaster using {@code data}, read from its postmaster.pid, or null. */
    static Integer runningPort(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return null;
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && listening(port)) {
                return port;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static EmbeddedDatabase ready(EmbeddedDatabase db) {
        PGSimpleDataSource admin = db.dataSource("postgres");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            if ("28P01".equals(e.getSQLState())) {
                throw new IllegalStateException("the embedded database refused the password in db-password next to "
                        + "pgdata: restore that file from a backup (it is made once, with the data folder)", e);
            }
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("could not prepare the embedded database: " + e.getMessage(), e);
            }
        }
        return db;
    }

    private PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(USER);
        ds.setPassword(password);
        return ds;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The superuser's password (from {@code WATCHKEEPER_HOME/db-password}); never printed. */
    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Whether this process started the server (and will stop it on close). */
    public boolean owned() {
        return owned != null;
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
