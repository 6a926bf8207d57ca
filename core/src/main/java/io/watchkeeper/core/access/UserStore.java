package io.watchkeeper.core.access;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Users, their password hashes and their login throttling state. */
public interface UserStore {

    /** Creates a user; a taken username is an {@link io.watchkeeper.core.model.InvalidInputException}. */
    User create(NewUser user, String actor);

    Optional<User> find(String username);

    Optional<User> findById(long id);

    /** The user linked to an OIDC identity. */
    Optional<User> findByOidc(String issuer, String subject);

    /** Users in username order. */
    List<User> list();

    /** Number of users. */
    int count();

    /** The encoded password hash of an enabled local user, for password checks only. */
    Optional<String> passwordHash(String username);

    /**
     * Sets a user's password hash and whether it must be changed at the next sign-in; ends the
     * user's console sessions (raises the session generation). Returns the updated user.
     */
    User setPassword(long userId, String passwordHash, boolean mustChange);

    /** Changes role, scope and enabled and ends the user's console sessions; returns the updated user. */
    User update(long userId, Role role, AccountScope scope, boolean enabled);

    /** Login throttling: consecutive failures and until when logins are refused. */
    LoginState loginState(String username);

    /**
     * Counts one password attempt for {@code username} before its password is checked, atomically:
     * unless the username is locked, its failure count goes up by one and, from {@code threshold}
     * failures on, it is locked for {@code lockBase × 2^(failures - threshold)} (at most {@code lockMax}).
     * Parallel attempts therefore never check more passwords than the threshold allows. A successful
     * attempt then calls {@link #recordSuccess}, which clears the count again.
     */
    Attempt reserveAttempt(String username, int threshold, Duration lockBase, Duration lockMax);

    /** Records a successful sign-in (clears failures and any lock). */
    void recordSuccess(String username);

    /** Clears failures and any lock without counting a sign-in (a correct current password on a change). */
    void clearFailures(String username);

    /** The answer of {@link #reserveAttempt}. */
    enum Attempt {
        /** Counted; check the password. */
        RESERVED,
        /** The username is locked: refuse without checking. */
        LOCKED,
        /** No such user: check a dummy password (same time) and refuse. */
        UNKNOWN
    }

    /**
     * Throttling state of one username.
     *
     * @param failures consecutive failed logins
     * @param lockedUntil logins refused until then, or null
     */
    record LoginState(int failures, OffsetDateTime lockedUntil) {
        public static final LoginState CLEAR = new LoginState(0, null);
    }
}
