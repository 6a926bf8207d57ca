package io.watchkeeper.auditors.notify;

import io.watchkeeper.core.notify.NotificationLog;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link NotificationLog} in memory: atomic within one process only, for tests. */
public final class InMemoryNotificationLog implements NotificationLog {

    private record Key(String kind, String key) {}

    private final Map<Key, Instant> claims = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String kind, String key, Instant at) {
        Objects.requireNonNull(at, "at");
        return claims.putIfAbsent(key(kind, key), at) == null;
    }

    @Override
    public void release(String kind, String key) {
        claims.remove(key(kind, key));
    }

    public int size() {
        return claims.size();
    }

    private static Key key(String kind, String key) {
        if (kind == null || kind.isBlank() || kind.length() > 200 || key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("kind and key must be 1-200 characters");
        }
        return new Key(kind, key);
    }
}
