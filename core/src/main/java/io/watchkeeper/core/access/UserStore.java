package io.watchkeeper.core.access;

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

    /** The encoded password hash of an enabled local user, for the login check only. */
    Optional<String> passwordHash(String username);

    void setPassword(long userId, String passwordHash);

    /** Changes role, scope and enabled; returns the updated user. */
    User update(long userId, Role role, AccountScope scope, boolean enabled);

    /** Login throttling: consecutive failures and until when logins are refused. */
    LoginState loginState(String username);

    /** Records a failed login; returns the new state. {@code lockedUntil} is computed by the caller. */
    void recordFailure(String username, int failures, OffsetDateTime lockedUntil);

    /** Records a successful login (clears failures). */
    void recordSuccess(String username);

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
