package io.watchkeeper.core.cert;

import java.time.Instant;

/**
 * Issuances per user per hour, counted in the database so that every node shares one count: taking
 * a unit is one atomic statement, so parallel requests (on one node or many) never exceed the limit.
 */
public interface IssuanceQuota {

    /** Counts one issuance by {@code user} in the hour starting at {@code hour}, unless {@code limit} is reached. */
    boolean tryTake(String user, Instant hour, int limit);

    /** Returns one unit (the issuance failed or had been done before). */
    void giveBack(String user, Instant hour);

    /** Issuances counted for {@code user} in the hour starting at {@code hour}. */
    int used(String user, Instant hour);
}
