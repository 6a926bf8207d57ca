package io.watchkeeper.web.service;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.ApiToken;
import io.watchkeeper.core.access.ApiTokenStore;
import io.watchkeeper.core.access.NewUser;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.TokenSecrets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users and API tokens. Admins manage users; everyone manages their own tokens, which can never
 * exceed their own role and accounts. A token's secret is returned once, at creation.
 */
@org.springframework.stereotype.Service
public class AccessAdmin {

    private final UserStore users;
    private final ApiTokenStore tokens;
    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    private final io.watchkeeper.web.security.ApiTokenCache tokenCache;

    public AccessAdmin(UserStore users, ApiTokenStore tokens, AccountStore accounts, PasswordEncoder encoder,
                       AuditLog audit, io.watchkeeper.web.security.ApiTokenCache tokenCache) {
        this.tokenCache = tokenCache;
        this.users = users;
        this.tokens = tokens;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** A new token and its secret, shown once. */
    public record IssuedToken(ApiToken token, String secret) {}

    public List<User> users(Caller caller) {
        caller.require(Role.ADMIN);
        return users.list();
    }

    public User createUser(String username, String displayName, Role role, Set<Long> accountIds, String password,
                           Caller caller) {
        caller.require(Role.ADMIN);
        checkPassword(password);
        AccountScope scope = scope(accountIds);
        User created = users.create(new NewUser(username, displayName, role, scope, encoder.encode(password), null, null),
                caller.actor());
        audit.record(new AuditEntry(caller.actor(), "user.create", "user:" + created.username(), null, describe(created)));
        return created;
    }

    public User updateUser(long id, Role role, Set<Long> accountIds, boolean enabled, Caller caller) {
        caller.require(Role.ADMIN);
        User before = users.findById(id).orElseThrow(() -> new InvalidInputException("no user with id " + id));
        if (before.username().equals(caller.username()) && (role != Role.ADMIN || !enabled)) {
            throw new InvalidInputException("you cannot demote or disable yourself");
        }
        User after = users.update(id, role, scope(accountIds), enabled);
        tokenCache.invalidateAll();
        audit.record(new AuditEntry(caller.actor(), "user.update", "user:" + after.username(), describe(before),
                describe(after)));
        return after;
    }

    public void setPassword(long id, String password, Caller caller) {
        User target = users.findById(id).orElseThrow(() -> new InvalidInputException("no user with id " + id));
        if (!target.username().equals(caller.username())) {
            caller.require(Role.ADMIN);
        }
        checkPassword(password);
        users.setPassword(id, encoder.encode(password));
        audit.record(new AuditEntry(caller.actor(), "user.password", "user:" + target.username(), null, null));
    }

    public List<ApiToken> tokens(Caller caller, boolean everyone) {
        if (everyone) {
            caller.require(Role.ADMIN);
            return tokens.list(null);
        }
        return tokens.list(self(caller).id());
    }

    public IssuedToken createToken(String name, Role role, Set<Long> accountIds, OffsetDateTime expiresAt, Caller caller) {
        if (caller.via().startsWith("token:")) {
            throw new InvalidInputException("tokens cannot create tokens: sign in to the console");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("a token needs a name of 1 to 100 characters");
        }
        User owner = self(caller);
        Role tokenRole = role == null ? owner.role() : role;
        if (!owner.role().includes(tokenRole)) {
            throw new InvalidInputException("a token cannot have a higher role than its owner (" +
                    owner.role().name().toLowerCase() + ")");
        }
        AccountScope scope = accountIds == null || accountIds.isEmpty() ? owner.scope() : scope(accountIds);
        if (!scope.within(owner.scope())) {
            throw new InvalidInputException("a token cannot see accounts its owner cannot see");
        }
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            throw new InvalidInputException("the expiry must be in the future");
        }
        String secret = TokenSecrets.generate();
        ApiToken token = tokens.create(owner.id(), name.strip(), TokenSecrets.displayPrefix(secret),
                TokenSecrets.hash(secret), tokenRole, scope, expiresAt);
        audit.record(new AuditEntry(caller.actor(), "token.create", "token:" + token.id(), null,
                Json.tree(Map.of("name", token.name(), "role", tokenRole.name(), "owner", owner.username()))));
        return new IssuedToken(token, secret);
    }

    public void revokeToken(long id, Caller caller) {
        ApiToken token = tokens.find(id).orElseThrow(Caller.NotVisibleException::new);
        if (!token.username().equals(caller.username())) {
            if (!caller.can(Role.ADMIN)) {
                throw new Caller.NotVisibleException();
            }
        }
        boolean revoked = tokens.revoke(id, OffsetDateTime.now());
        tokenCache.invalidateAll();
        if (!revoked) {
            throw new InvalidInputException("token " + id + " is already revoked");
        }
        audit.record(new AuditEntry(caller.actor(), "token.revoke", "token:" + id, null,
                Json.tree(Map.of("name", token.name(), "owner", token.username()))));
    }

    private User self(Caller caller) {
        return users.find(caller.username()).orElseThrow(() -> new InvalidInputException("unknown user"));
    }

    private AccountScope scope(Set<Long> accountIds) {
        if (accountIds == null || accountIds.isEmpty()) {
            return AccountScope.ALL;
        }
        for (long id : accountIds) {
            if (accounts.findById(id).isEmpty()) {
                throw new InvalidInputException("no account with id " + id);
            }
        }
        return AccountScope.of(accountIds);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 12) {
            throw new InvalidInputException("passwords need at least 12 characters");
        }
        if (password.length() > 200) {
            throw new InvalidInputException("passwords are limited to 200 characters");
        }
    }

    private static tools.jackson.databind.JsonNode describe(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", u.role().name());
        m.put("accounts", u.scope().unrestricted() ? "all" : u.scope().accountIds().stream().sorted().toList());
        m.put("enabled", u.enabled());
        return Json.tree(m);
    }
}
