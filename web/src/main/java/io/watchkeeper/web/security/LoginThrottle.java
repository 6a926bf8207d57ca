package io.watchkeeper.web.security;

import io.watchkeeper.core.access.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: a username is locked for {@code lockoutBase × 2^(n - threshold)}
 * (capped) after {@code threshold} consecutive failures — kept in PostgreSQL so every node sees it —
 * and an address with too many failures in a window is refused on this node.
 */
public class LoginThrottle {

    private final UserStore users;
    private final SecuritySettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    public LoginThrottle(UserStore users, SecuritySettings settings) {
        this(users, settings, Clock.systemUTC());
    }

    LoginThrottle(UserStore users, SecuritySettings settings, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /** Why a login attempt is refused before its password is even checked, or null. */
    public String refusal(String username, String address) {
        OffsetDateTime lockedUntil = users.loginState(username).lockedUntil();
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant())) {
            return "too many failed logins: try again later";
        }
        Deque<Instant> recent = failuresByAddress.get(address);
        if (recent != null) {
            synchronized (recent) {
                prune(recent);
                if (recent.size() >= settings.ipFailuresPerWindow()) {
                    return "too many failed logins from this address: try again later";
                }
            }
        }
        return null;
    }

    public void failed(String username, String address) {
        int failures = users.loginState(username).failures() + 1;
        OffsetDateTime lockedUntil = null;
        if (failures >= settings.lockoutThreshold()) {
            int exponent = Math.min(failures - settings.lockoutThreshold(), 20);
            Duration lock = settings.lockoutBase().multipliedBy(1L << exponent);
            if (lock.compareTo(settings.lockoutMax()) > 0) {
                lock = settings.lockoutMax();
            }
            lockedUntil = OffsetDateTime.ofInstant(clock.instant().plus(lock), ZoneOffset.UTC);
        }
        users.recordFailure(username, failures, lockedUntil);
        Deque<Instant> recent = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
        if (failuresByAddress.size() > 100_000) {
            failuresByAddress.clear(); // bounded memory under a spray of addresses
        }
    }

    public void succeeded(String username) {
        users.recordSuccess(username);
    }

    private void prune(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(settings.ipWindow());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }
}
