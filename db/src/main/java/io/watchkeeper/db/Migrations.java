package io.watchkeeper.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Applies the schema migrations shipped in this module. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
    }
}
