package io.watchkeeper.core.watch;

import java.util.Comparator;
import java.util.List;

/** Configured watch intervals, read on every scheduling pass so that changes apply without a restart. */
public interface WatchIntervalStore {

    List<WatchInterval> list();

    /** Sets (or replaces) the interval for the account/type pair; nulls mean "every". */
    void set(Long accountId, String type, int minutes);

    /** Removes the row for the pair; returns whether one existed. */
    boolean clear(Long accountId, String type);

    /** The interval that applies to one account and type: the most specific row, else {@code defaultMinutes}. */
    static int resolve(List<WatchInterval> intervals, long accountId, String type, int defaultMinutes) {
        return intervals.stream()
                .filter(i -> i.appliesTo(accountId, type))
                .max(Comparator.comparingInt(WatchInterval::specificity))
                .map(WatchInterval::minutes)
                .orElse(defaultMinutes);
    }
}
