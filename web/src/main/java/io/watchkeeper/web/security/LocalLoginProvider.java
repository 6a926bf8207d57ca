package io.watchkeeper.web.security;

import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password against the local users: throttled, constant work for unknown users (a
 * dummy hash is checked so timing does not reveal which usernames exist), one message for every failure.
 */
public class LocalLoginProvider implements AuthenticationProvider {

    private static final String BAD = "wrong username or password";

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final String dummyHash;

    public LocalLoginProvider(UserStore users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getPrincipal());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (username.length() > 64 || password.length() > 1024) {
            throw new BadCredentialsException(BAD);
        }
        String refusal = throttle.refusal(username, address);
        if (refusal != null) {
            throw new LockedException(refusal);
        }
        Optional<String> hash = users.passwordHash(username);
        boolean matches = encoder.matches(password, hash.orElse(dummyHash)) && hash.isPresent();
        if (!matches) {
            throttle.failed(username, address);
            throw new BadCredentialsException(BAD);
        }
        User user = users.find(username).orElseThrow(() -> new BadCredentialsException(BAD));
        throttle.succeeded(username);
        Caller caller = new Caller(user.username(), user.role(), user.scope(), "password");
        return UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
