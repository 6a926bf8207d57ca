package io.watchkeeper.web.security;

import io.watchkeeper.core.access.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Every attempt is counted BEFORE its password is checked, so
 * parallel guesses cannot outrun the limits: per username in PostgreSQL (one atomic update; every
 * node sees the lock: {@code lockoutBase × 2^(n - threshold)}, capped) and per address in memory on
 * this node (a slot is taken under the address's lock; a successful attempt gives it back).
 */
public class LoginThrottle {

    static final String LOCKED_USER = "too many failed logins: try again later";
    static final String LOCKED_ADDRESS = "too many failed logins from this address: try again later";

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

    /**
     * One counted attempt.
     *
     * @param refusal why it is refused without checking the password, or null
     * @param knownUser whether the username exists (otherwise check a dummy hash and fail)
     */
    public record Attempt(String username, String address, Instant addressSlot, String refusal, boolean knownUser) {}

    /** Counts an attempt for {@code username} from {@code address} (null: no address limit) before any check. */
    public Attempt begin(String username, String address) {
        Instant slot = null;
        if (address != null) {
            slot = takeAddressSlot(address);
            if (slot == null) {
                return new Attempt(username, address, null, LOCKED_ADDRESS, false);
            }
        }
        UserStore.Attempt counted = users.reserveAttempt(username, settings.lockoutThreshold(), settings.lockoutBase(),
                settings.lockoutMax());
        if (counted == UserStore.Attempt.LOCKED) {
            release(address, slot); // a refusal checks nothing, so it is not a failure of the address
            return new Attempt(username, address, null, LOCKED_USER, true);
        }
        return new Attempt(username, address, slot, null, counted == UserStore.Attempt.RESERVED);
    }

    /** The password was right: the username's count is cleared and the address slot given back. */
    public void succeeded(Attempt attempt, boolean signIn) {
        if (signIn) {
            users.recordSuccess(attempt.username());
        } else {
            users.clearFailures(attempt.username());
        }
        release(attempt.address(), attempt.addressSlot());
    }

    private Instant takeAddressSlot(String address) {
        Deque<Instant> recent = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            Instant horizon = now.minus(settings.ipWindow());
            while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
                recent.removeFirst();
            }
            if (recent.size() >= settings.ipFailuresPerWindow()) {
                return null;
            }
            Instant slot = Instant.ofEpochSecond(now.getEpochSecond(), now.getNano()); // its own object
            recent.addLast(slot);
            if (failuresByAddress.size() > 100_000) {
                failuresByAddress.clear(); // bounded memory under a spray of addresses
            }
            return slot;
        }
    }

    private void release(String address, Instant slot) {
        if (address == null || slot == null) {
            return;
        }
        Deque<Instant> recent = failuresByAddress.get(address);
        if (recent != null) {
            synchronized (recent) {
                recent.removeIf(i -> i == slot);
            }
        }
    }
}
