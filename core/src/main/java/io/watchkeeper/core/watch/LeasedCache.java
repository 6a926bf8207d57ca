package io.watchkeeper.core.watch;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Values kept between sessions per key (an account's or project's clients), leased while in use: a session leases its
 * key's value and releases it when it closes. A value in use is never closed or dropped; beyond the {@link Bound}, the
 * least recently leased unused values are closed and dropped, so memory is bounded by the keys in use plus the bound,
 * not by every key ever opened. Thread-safe; the value's constructor and closer run under the cache's lock.
 *
 * @param <V> the kept value (closed with the cache's closer when dropped)
 */
public final class LeasedCache<V> implements AutoCloseable {

    /** What {@code capacity} bounds. */
    public enum Bound {
        /** Every kept value, leased or not: unused ones are dropped while more than {@code capacity} are kept. */
        ALL_KEPT,
        /** Unused values only: at most {@code capacity} are kept beyond those leased. */
        UNUSED
    }

    private final int capacity;
    private final Bound bound;
    private final Consumer<? super V> closer;
    /** Access order: the least recently leased first. */
    private final LinkedHashMap<String, Entry<V>> kept = new LinkedHashMap<>(16, 0.75f, true);

    public LeasedCache(int capacity, Bound bound, Consumer<? super V> closer) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be at least 0");
        }
        this.capacity = capacity;
        this.bound = Objects.requireNonNull(bound, "bound");
        this.closer = Objects.requireNonNull(closer, "closer");
    }

    /** The key's value (made by {@code create} when none is kept), leased until {@link #release}. */
    public synchronized V lease(String key, Supplier<? extends V> create) {
        Entry<V> entry = kept.get(key);
        if (entry == null) {
            entry = new Entry<>(Objects.requireNonNull(create.get(), "created value"));
            kept.put(key, entry);
        }
        entry.leases++;
        trim();
        return entry.value;
    }

    /** Gives a lease back; a value dropped or closed with the cache meanwhile (or another key's) is ignored. */
    public synchronized void release(String key, V value) {
        Entry<V> entry = kept.get(key);
        if (entry == null || entry.value != value) {
            return;
        }
        if (entry.leases > 0) {
            entry.leases--;
        }
        trim();
    }

    /** Keys whose values are open now (leased or kept). */
    public synchronized int open() {
        return kept.size();
    }

    /** Keys leased now. */
    public synchronized int leased() {
        return (int) kept.values().stream().filter(e -> e.leases > 0).count();
    }

    private void trim() {
        long counted = bound == Bound.ALL_KEPT ? kept.size() : kept.values().stream().filter(e -> e.leases == 0).count();
        Iterator<Map.Entry<String, Entry<V>>> oldestFirst = kept.entrySet().iterator();
        while (counted > capacity && oldestFirst.hasNext()) {
            Entry<V> entry = oldestFirst.next().getValue();
            if (entry.leases == 0) {
                oldestFirst.remove();
                closer.accept(entry.value);
                counted--;
            }
        }
    }

    /** Closes every value, leased or not. */
    @Override
    public synchronized void close() {
        kept.values().forEach(e -> closer.accept(e.value));
        kept.clear();
    }

    private static final class Entry<V> {
        final V value;
        int leases;

        Entry(V value) {
            this.value = value;
        }
    }
}
