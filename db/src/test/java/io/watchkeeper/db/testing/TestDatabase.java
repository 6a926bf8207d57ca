package io.watchkeeper.db.testing;

import io.watchkeeper.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A real PostgreSQL for tests: one embedded server per JVM, a migrated template database, and a
 * fresh database cloned from it for each caller.
 */
public final class TestDatabase {

    private static final String TEMPLATE = "wk_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String name;
    private final DataSource dataSource;

    private TestDatabase(String name, DataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** A new, migrated, empty database. */
    public static synchronized TestDatabase fresh() {
        EmbeddedPostgres pg = server();
        String name = "wk_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(pg.getPostgresDatabase(), "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return new TestDatabase(name, pg.getDatabase("postgres", name));
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            execute(server.getPostgresDatabase(), "CREATE DATABASE " + TEMPLATE);
            Migrations.migrate(server.getDatabase("postgres", TEMPLATE));
        }
        return server;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", name);
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
