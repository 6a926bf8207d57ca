package io.watchkeeper.web.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The default database: an embedded PostgreSQL whose data folder lives under
 * {@code WATCHKEEPER_HOME/pgdata}, so data survives restarts. When another Watchkeeper process
 * (the server, say) already runs it, this one connects to it instead of starting a second one.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "watchkeeper";

    private final EmbeddedPostgres owned;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    /** Connects to the running embedded server in {@code home}, or starts it. */
    public static EmbeddedDatabase startOrAttach(Path home, int preferredPort) {
        Path data = home.resolve("pgdata");
        try {
            Files.createDirectories(home);
            Integer running = runningPort(data);
            if (running != null) {
                return ready(new EmbeddedDatabase(null, running));
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (preferredPort > 0) {
                builder.setPort(preferredPort);
            }
            EmbeddedPostgres pg;
            try {
                pg = builder.start();
            } catch (IllegalStateException e) {
                Integer other = runningPort(data);
                if (other == null) {
                    throw e;
                }
                return ready(new EmbeddedDatabase(null, other));
            }
            return ready(new EmbeddedDatabase(pg, pg.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + data + ": " + e.getMessage(), e);
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
        ds.setUser("postgres");
        return ds;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
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
