package io.watchkeeper.web.security;

import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password against the local users, through {@link PasswordCheck} (throttled before
 * the hash is compared); one message for every failure.
 */
public class LocalLoginProvider implements AuthenticationProvider {

    private static final String BAD = "wrong username or password";

    private final UserStore users;
    private final PasswordCheck passwords;

    public LocalLoginProvider(UserStore users, PasswordCheck passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getPrincipal());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        PasswordCheck.Result result = passwords.verify(username, password, address, true);
        if (result.locked() != null) {
            throw new LockedException(result.locked());
        }
        if (!result.ok()) {
            throw new BadCredentialsException(BAD);
        }
        User user = users.find(username).filter(User::enabled).orElseThrow(() -> new BadCredentialsException(BAD));
        Caller caller = new Caller(user.username(), user.role(), user.scope(), "password");
        return UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
