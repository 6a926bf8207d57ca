package io.watchkeeper.web.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The current request's {@link Caller}. */
public final class Callers {

    private Callers() {}

    /** The caller of the current request; fails when nobody is authenticated. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            Object principal = authentication.getPrincipal();
            if (principal instanceof Caller caller) {
                return caller;
            }
            if (principal instanceof WatchkeeperOidcUser oidc) {
                return oidc.caller();
            }
        }
        throw new AuthenticationCredentialsNotFoundException("not signed in");
    }
}
