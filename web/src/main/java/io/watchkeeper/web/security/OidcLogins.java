package io.watchkeeper.web.security;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.NewUser;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Maps an OIDC identity (issuer + subject, never the e-mail alone) to a local user. An unknown
 * identity is refused unless {@code watchkeeper.security.oidc-new-user-role} names a role; then the
 * first login creates the user with that role, limited to the accounts named in
 * {@code watchkeeper.security.oidc-new-user-accounts} (none when empty; {@code *} for all). Roles
 * come from Watchkeeper, never from IdP claims.
 */
public class OidcLogins implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OidcLogins.class);

    private final OidcUserService delegate = new OidcUserService();
    private final UserStore users;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final SecuritySettings settings;

    public OidcLogins(UserStore users, AccountStore accounts, AuditLog audit, SecuritySettings settings) {
        this.users = users;
        this.accounts = accounts;
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
        if (settings.refusesNewOidcUsers()) {
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
        AccountScope scope = newUserScope(settings.oidcNewUserAccounts(),
                name -> accounts.findByName(name).map(io.watchkeeper.core.model.Account::id));
        User created = users.create(new NewUser(username, oidc.getFullName(), role, scope, null, issuer,
                oidc.getSubject()), "oidc:" + issuer);
        audit.record(new AuditEntry("oidc:" + issuer, "user.create", "user:" + username, null,
                Json.tree(java.util.Map.of("role", role.name(), "via", "first OIDC login", "accounts",
                        scope.unrestricted() ? "all" : scope.accountIds().stream().sorted().toList()))));
        return created;
    }

    /**
     * The accounts of a user created at first OIDC login: the named ones that exist (unknown names
     * grant nothing), none for an empty list, every account only for an explicit {@code *}.
     */
    static AccountScope newUserScope(List<String> names, Function<String, Optional<Long>> accountId) {
        if (names.contains("*")) {
            return AccountScope.ALL;
        }
        Set<Long> ids = new TreeSet<>();
        for (String name : names) {
            Optional<Long> id = accountId.apply(name);
            if (id.isPresent()) {
                ids.add(id.get());
            } else {
                LOG.warn("watchkeeper.security.oidc-new-user-accounts names no account '{}': it grants nothing", name);
            }
        }
        return AccountScope.of(ids);
    }
}
