package io.watchkeeper.gcp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The projects whose {@link GcpProjectClients} (transport with its call cap, credential, API clients) are kept
 * between sessions, at most {@code capacity} of them beyond those in use; the key is the project and the way it is
 * reached (credential source), so a changed credential never reuses old clients. A session leases its project's
 * clients and releases them when it closes; clients in use are never dropped, and once more than {@code capacity}
 * projects are kept the least recently leased unused ones are closed. Memory is bounded by the projects being watched
 * at once plus {@code capacity}.
 */
final class GcpClientCache implements AutoCloseable {

    private final int capacity;
    /** Access order: the least recently leased first. */
    private final LinkedHashMap<String, Entry> kept = new LinkedHashMap<>(16, 0.75f, true);

    GcpClientCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be at least 0");
        }
        this.capacity = capacity;
    }

    /** The project's clients (made by {@code create} when none are kept), leased until {@link #release}. */
    synchronized GcpProjectClients lease(String key, Supplier<GcpProjectClients> create) {
        Entry entry = kept.get(key);
        if (entry == null) {
            entry = new Entry(create.get());
            kept.put(key, entry);
        }
        entry.leases++;
        trim();
        return entry.clients;
    }

    synchronized void release(String key, GcpProjectClients clients) {
        Entry entry = kept.get(key);
        if (entry == null || entry.clients != clients) {
            return; // dropped or closed with the cache
        }
        if (entry.leases > 0) {
            entry.leases--;
        }
        trim();
    }

    /** Projects whose clients are open now (leased or kept). */
    synchronized int openProjects() {
        return kept.size();
    }

    private void trim() {
        long unused = kept.values().stream().filter(e -> e.leases == 0).count();
        Iterator<Map.Entry<String, Entry>> oldestFirst = kept.entrySet().iterator();
        while (unused > capacity && oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next().getValue();
            if (entry.leases == 0) {
                oldestFirst.remove();
                entry.clients.close();
                unused--;
            }
        }
    }

    @Override
    public synchronized void close() {
        kept.values().forEach(e -> e.clients.close());
        kept.clear();
    }

    private static final class Entry {
        final GcpProjectClients clients;
        int leases;

        Entry(GcpProjectClients clients) {
            this.clients = clients;
        }
    }
}
