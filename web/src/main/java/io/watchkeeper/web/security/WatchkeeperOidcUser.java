package io.watchkeeper.web.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** An OIDC login mapped to a local user: its authorities are the local user's role, not the IdP's claims. */
public class WatchkeeperOidcUser extends DefaultOidcUser {

    private final Caller caller;

    public WatchkeeperOidcUser(OidcUser oidc, Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.role().authority())), oidc.getIdToken(), oidc.getUserInfo());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.username();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatchkeeperOidcUser other && other.caller.equals(caller) && super.equals(o);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }
}
