package io.watchkeeper.web.security;

import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users as console sessions see them, reloaded from PostgreSQL at most {@link ApiTokenCache#TTL}
 * late (like API tokens), so a change made on any node reaches every node's sessions within that
 * window; a change made through this node clears it at once. Missing users are not cached.
 */
public class UserCache {

    private static final int MAX = 10_000;

    private record Entry(User user, long expiresAt) {}

    private final UserStore users;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public UserCache(UserStore users) {
        this.users = users;
    }

    /** The user as stored at most {@link ApiTokenCache#TTL} ago. */
    public Optional<User> get(String username) {
        long now = System.nanoTime();
        Entry entry = entries.get(username);
        if (entry != null && entry.expiresAt() - now > 0) {
            return Optional.of(entry.user());
        }
        Optional<User> loaded = users.find(username);
        if (loaded.isPresent()) {
            if (entries.size() >= MAX) {
                entries.clear();
            }
            entries.put(username, new Entry(loaded.get(), now + ApiTokenCache.TTL.toNanos()));
        } else {
            entries.remove(username);
        }
        return loaded;
    }

    /** Forgets every cached user (after a change to a user). */
    public void invalidateAll() {
        entries.clear();
    }
}
