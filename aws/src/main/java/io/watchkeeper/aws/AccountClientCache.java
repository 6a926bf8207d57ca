package io.watchkeeper.aws;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The accounts whose {@link AccountClients} (views of the shared SDK clients, call cap, credentials)
 * are kept between sessions, at most {@code capacity} of them beyond those in use. A session leases
 * its account's clients and releases them when it closes; clients in use are never dropped, and
 * once more than {@code capacity} accounts are kept, the least recently opened unused ones are
 * dropped. Memory is thus bounded by the accounts being watched at once plus {@code capacity}, not
 * by every account ever opened.
 */
final class AccountClientCache implements AutoCloseable {

    private final int capacity;
    /** Access order: the least recently leased first. */
    private final LinkedHashMap<String, Entry> kept = new LinkedHashMap<>(16, 0.75f, true);

    AccountClientCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be at least 0");
        }
        this.capacity = capacity;
    }

    /** The account's clients (made by {@code create} when none are kept), leased until {@link #release}. */
    synchronized AccountClients lease(String key, Supplier<AccountClients> create) {
        Entry entry = kept.get(key);
        if (entry == null) {
            entry = new Entry(create.get());
            kept.put(key, entry);
        }
        entry.leases++;
        trim();
        return entry.clients;
    }

    synchronized void release(String key, AccountClients clients) {
        Entry entry = kept.get(key);
        if (entry == null || entry.clients != clients) {
            return; // closed with the cache
        }
        if (entry.leases > 0) {
            entry.leases--;
        }
        trim();
    }

    /** Accounts whose clients are open now (leased or kept). */
    synchronized int openAccounts() {
        return kept.size();
    }

    /** Accounts leased by open sessions now. */
    synchronized int leasedAccounts() {
        return (int) kept.values().stream().filter(e -> e.leases > 0).count();
    }

    private void trim() {
        Iterator<Map.Entry<String, Entry>> oldestFirst = kept.entrySet().iterator();
        while (kept.size() > capacity && oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next().getValue();
            if (entry.leases == 0) {
                oldestFirst.remove();
                entry.clients.close();
            }
        }
    }

    @Override
    public synchronized void close() {
        kept.values().forEach(e -> e.clients.close());
        kept.clear();
    }

    private static final class Entry {
        final AccountClients clients;
        int leases;

        Entry(AccountClients clients) {
            this.clients = clients;
        }
    }
}
