package io.watchkeeper.web.security;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.NewUser;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Maps an OIDC identity (issuer + subject, never the e-mail alone) to a local user. A first login
 * creates the user with {@code watchkeeper.security.oidc-new-user-role} (viewer by default; an
 * admin raises it), or is refused when that setting is {@code none}. Roles come from Watchkeeper,
 * never from IdP claims.
 */
public class OidcLogins implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final UserStore users;
    private final AuditLog audit;
    private final SecuritySettings settings;

    public OidcLogins(UserStore users, AuditLog audit, SecuritySettings settings) {
        this.users = users;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidc = delegate.loadUser(request);
        String issuer = oidc.getIssuer() == null ? request.getClientRegistration().getRegistrationId()
                : oidc.getIssuer().toString();
        User user = users.findByOidc(issuer, oidc.getSubject()).orElseGet(() -> firstLogin(oidc, issuer));
        if (!user.enabled()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "user is disabled", null));
        }
        users.recordSuccess(user.username());
        return new WatchkeeperOidcUser(oidc, new Caller(user.username(), user.role(), user.scope(), "oidc"));
    }

    private User firstLogin(OidcUser oidc, String issuer) {
        if ("none".equalsIgnoreCase(settings.oidcNewUserRole())) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "this identity has no Watchkeeper user; ask an admin", null));
        }
        Role role = Role.parse(settings.oidcNewUserRole());
        String base = Optional.ofNullable(oidc.getPreferredUsername()).or(() -> Optional.ofNullable(oidc.getEmail()))
                .orElse(oidc.getSubject()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", "-");
        base = base.isEmpty() ? "oidc-user" : base.substring(0, Math.min(base.length(), 56));
        String username = base;
        for (int i = 2; users.find(username).isPresent(); i++) {
            username = base + "-" + i;
        }
        User created = users.create(new NewUser(username, oidc.getFullName(), role, AccountScope.ALL, null, issuer,
                oidc.getSubject()), "oidc:" + issuer);
        audit.record(new AuditEntry("oidc:" + issuer, "user.create", "user:" + username, null,
                Json.tree(java.util.Map.of("role", role.name(), "via", "first OIDC login"))));
        return created;
    }
}
