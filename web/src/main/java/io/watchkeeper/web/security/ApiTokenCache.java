package io.watchkeeper.web.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Recently authenticated tokens (by secret hash) for {@link #TTL}, so an API client's requests do
 * not each cost a token and a user lookup. Revoking a token or changing a user clears it on this
 * node at once; other nodes notice within {@link #TTL}. Failed lookups are not cached.
 */
@Component
public class ApiTokenCache {

    static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX = 10_000;

    private record Entry(Caller caller, long expiresAt) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** A loaded token: the caller it stands for and when the token itself expires (or null). */
    record Loaded(Caller caller, java.time.Instant tokenExpiresAt) {}

    Optional<Caller> get(String secretHash, Supplier<Optional<Loaded>> load) {
        long now = System.nanoTime();
        Entry entry = entries.get(secretHash);
        if (entry != null && entry.expiresAt() - now > 0) {
            return Optional.of(entry.caller());
        }
        Optional<Loaded> loaded = load.get();
        if (loaded.isPresent()) {
            if (entries.size() >= MAX) {
                entries.clear();
            }
            long ttl = TTL.toNanos();
            if (loaded.get().tokenExpiresAt() != null) { // never cached past the token's own expiry
                ttl = Math.min(ttl, Duration.between(java.time.Instant.now(), loaded.get().tokenExpiresAt()).toNanos());
            }
            entries.put(secretHash, new Entry(loaded.get().caller(), now + ttl));
        } else {
            entries.remove(secretHash);
        }
        return loaded.map(Loaded::caller);
    }

    /** Forgets every cached token (after a revocation or a change to a user). */
    public void invalidateAll() {
        entries.clear();
    }
}
