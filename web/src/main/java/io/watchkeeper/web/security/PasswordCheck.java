package io.watchkeeper.web.security;

import io.watchkeeper.core.access.UserStore;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a user's password, for sign-in and for a change of one's own password: counted by the
 * {@link LoginThrottle} before the hash is compared, constant work for unknown users (a dummy hash
 * is checked, so timing does not reveal which usernames exist), never comparing more than bcrypt's
 * 72 bytes.
 */
public class PasswordCheck {

    /** The answer: {@code ok}, or why not ({@code locked} carries the message to show). */
    public record Result(boolean ok, String locked) {
        static final Result OK = new Result(true, null);
        static final Result WRONG = new Result(false, null);
    }

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final String dummyHash;

    public PasswordCheck(UserStore users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    /**
     * Whether {@code password} is {@code username}'s.
     *
     * @param address the client address for the per-address limit, or null
     * @param signIn whether a success is a sign-in (recorded as the last login)
     */
    public Result verify(String username, String password, String address, boolean signIn) {
        if (username == null || password == null || username.length() > 64 || password.length() > 1024) {
            return Result.WRONG;
        }
        LoginThrottle.Attempt attempt = throttle.begin(username, address);
        if (attempt.refusal() != null) {
            return new Result(false, attempt.refusal());
        }
        Optional<String> hash = attempt.knownUser() ? users.passwordHash(username) : Optional.empty();
        boolean matches;
        if (Passwords.tooLong(password)) {
            matches = false; // no stored password is longer; bcrypt would compare only the first 72 bytes
            encoder.matches("x", dummyHash);
        } else {
            matches = encoder.matches(password, hash.orElse(dummyHash)) && hash.isPresent();
        }
        if (matches) {
            throttle.succeeded(attempt, signIn);
            return Result.OK;
        }
        return Result.WRONG;
    }
}
