package io.watchkeeper.db;

import java.time.Duration;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A separate process that claims a scope, says so on stdout and then waits to be killed
 * ({@code kill -9}: no finally block, no shutdown hook, no release).
 */
public final class LeaseHoldingMain {

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setUser("postgres");
        JooqScopeLeases leases = new JooqScopeLeases(DSL.using(ds, SQLDialect.POSTGRES));
        if (!leases.tryAcquire(args[1], "victim", Duration.ofMinutes(30))) {
            System.out.println("busy");
            System.exit(3);
        }
        System.out.println("held");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }
}
