package io.watchkeeper.core.watch;

import java.time.Duration;

/**
 * Exclusive, expiring claims on scopes shared by every node and process on the database, so a
 * manual watch and a scheduled one never run the same scope at once.
 */
public interface ScopeLeases {

    /** Claims {@code key} for {@code holder} unless someone else holds an unexpired lease. */
    boolean tryAcquire(String key, String holder, Duration ttl);

    void release(String key, String holder);
}
