package io.watchkeeper.core.watch;

import java.util.List;

/** Configured watch intervals, read on every scheduling pass so that changes apply without a restart. */
public interface WatchIntervalStore {

    List<WatchInterval> list();

    /** Sets (or replaces) the interval for the account/type pair; nulls mean "every". */
    void set(Long accountId, String type, int minutes);

    /** Removes the row for the pair; returns whether one existed. */
    boolean clear(Long accountId, String type);
}
