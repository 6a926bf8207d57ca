package io.watchkeeper.watchers;

import java.time.Duration;
import java.util.Objects;

/**
 * Knobs of the watch pipeline.
 *
 * @param maxConcurrentScopes scopes watched at once by one process
 * @param leaseTtl how long a scope claim lasts before another process may take it over
 * @param busyWait how long a manual run waits for a scope another run holds
 * @param maxConfigBytes configurations larger than this are refused as unreadable
 * @param holder this process's name in scope claims
 */
public record WatchSettings(int maxConcurrentScopes, Duration leaseTtl, Duration busyWait, int maxConfigBytes,
                            String holder) {

    public WatchSettings {
        if (maxConcurrentScopes < 1) {
            throw new IllegalArgumentException("maxConcurrentScopes must be at least 1");
        }
        Objects.requireNonNull(leaseTtl, "leaseTtl");
        Objects.requireNonNull(busyWait, "busyWait");
        Objects.requireNonNull(holder, "holder");
    }

    public static WatchSettings defaults(String holder) {
        return new WatchSettings(64, Duration.ofMinutes(30), Duration.ofMinutes(2), 1 << 20, holder);
    }
}
