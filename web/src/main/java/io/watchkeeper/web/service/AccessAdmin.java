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
import io.watchkeeper.web.WatchkeeperProperties;
import io.watchkeeper.web.security.ApiTokenCache;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.InitialAdmin;
import io.watchkeeper.web.security.PasswordCheck;
import io.watchkeeper.web.security.Passwords;
import io.watchkeeper.web.security.TokenSecrets;
import io.watchkeeper.web.security.UserCache;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users, passwords and API tokens. Only an admin of every account administers users (create,
 * change, reset passwords) and sees or revokes other people's tokens: an admin limited to some
 * accounts could otherwise widen its own limit. Everyone changes their own password (knowing the
 * current one) and manages their own tokens, which never exceed their own role and accounts. A
 * token's secret and a generated temporary password are returned once. Every change to a user ends
 * that user's console sessions on every node and is written to the audit log.
 */
@org.springframework.stereotype.Service
public class AccessAdmin {

    private static final int TEMPORARY_LENGTH = 20;

    private final UserStore users;
    private final ApiTokenStore tokens;
    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final PasswordCheck passwordCheck;
    private final AuditLog audit;
    private final ApiTokenCache tokenCache;
    private final UserCache userCache;
    private final Path home;
    private final TransactionTemplate tx;

    public AccessAdmin(UserStore users, ApiTokenStore tokens, AccountStore accounts, PasswordEncoder encoder,
                       PasswordCheck passwordCheck, AuditLog audit, ApiTokenCache tokenCache, UserCache userCache,
                       WatchkeeperProperties properties, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.users = users;
        this.tokens = tokens;
        this.accounts = accounts;
        this.encoder = encoder;
        this.passwordCheck = passwordCheck;
        this.audit = audit;
        this.tokenCache = tokenCache;
        this.userCache = userCache;
        this.home = properties.home();
    }

    /** A new token and its secret, shown once. */
    public record IssuedToken(ApiToken token, String secret) {}

    /** A new or reset user and the temporary password to hand over (null when the admin chose the password). */
    public record Issued(User user, String temporaryPassword) {}

    public List<User> users(Caller caller) {
        caller.requireUnrestrictedAdmin();
        return users.list();
    }

    /** The user named {@code username} (admins of every account only). */
    public User user(String username, Caller caller) {
        caller.requireUnrestrictedAdmin();
        return users.find(username).orElseThrow(() -> new InvalidInputException("no user named '" + username + "'"));
    }

    /** A user with a password the admin chose and may keep using. */
    public User createUser(String username, String displayName, Role role, Set<Long> accountIds, String password,
                           Caller caller) {
        return createUser(username, displayName, role, accountIds, password, false, caller).user();
    }

    /**
     * A user with a local password: the given one, or (when null) a generated one that is returned
     * once. {@code temporary} (always so for a generated one) makes the user choose a new password at
     * the first sign-in.
     */
    public Issued createUser(String username, String displayName, Role role, Set<Long> accountIds, String password,
                             boolean temporary, Caller caller) {
        caller.requireUnrestrictedAdmin();
        String generated = password == null ? Passwords.generate(TEMPORARY_LENGTH) : null;
        String chosen = generated != null ? generated : password;
        Passwords.check(chosen);
        AccountScope scope = scope(accountIds);
        NewUser user = new NewUser(username, displayName, role, scope, encoder.encode(chosen), null, null,
                temporary || generated != null);
        User created = tx.execute(t -> {
            User u = users.create(user, caller.actor());
            audit.record(new AuditEntry(caller.actor(), "user.create", "user:" + u.username(), null, describe(u)));
            return u;
        });
        return new Issued(created, generated);
    }

    /** Changes role, accounts (empty: all) and enabled; the user's sessions end. */
    public User updateUser(long id, Role role, Set<Long> accountIds, boolean enabled, Caller caller) {
        return updateUser(id, role, accountIds == null || accountIds.isEmpty() ? AccountScope.ALL
                : AccountScope.of(accountIds), enabled, caller);
    }

    /** Changes role, accounts (exactly {@code scope}; an empty one sees nothing) and enabled; the user's sessions end. */
    public User updateUser(long id, Role role, AccountScope scope, boolean enabled, Caller caller) {
        caller.requireUnrestrictedAdmin();
        if (role == null) {
            throw new InvalidInputException("role is required (viewer, commenter, justifier or admin)");
        }
        checkAccounts(scope);
        User before = users.findById(id).orElseThrow(() -> new InvalidInputException("no user with id " + id));
        if (before.username().equals(caller.username()) && (role != Role.ADMIN || !enabled || !scope.unrestricted())) {
            throw new InvalidInputException("you cannot demote, limit or disable yourself");
        }
        User after = tx.execute(t -> {
            User u = users.update(id, role, scope, enabled);
            audit.record(new AuditEntry(caller.actor(), "user.update", "user:" + u.username(), describe(before),
                    describe(u)));
            return u;
        });
        forgetCachedUsers(); // after the commit, so no node caches the old row again
        return after;
    }

    /**
     * An admin's reset of another user's password: {@code temporary}, or a generated one returned
     * once; the user must choose a new one at the next sign-in, and their sessions end.
     */
    public Issued resetPassword(long id, String temporary, Caller caller) {
        caller.requireUnrestrictedAdmin();
        String generated = temporary == null ? Passwords.generate(TEMPORARY_LENGTH) : null;
        String chosen = generated != null ? generated : temporary;
        Passwords.check(chosen);
        User target = users.findById(id).orElseThrow(() -> new InvalidInputException("no user with id " + id));
        if (target.username().equals(caller.username())) {
            throw new InvalidInputException("change your own password with your current one (/password, "
                    + "POST /api/v1/me/password)");
        }
        String hash = encoder.encode(chosen);
        User after = tx.execute(t -> {
            User u = users.setPassword(id, hash, true);
            audit.record(new AuditEntry(caller.actor(), "user.password.reset", "user:" + u.username(), null,
                    Json.tree(Map.of("mustChange", true))));
            return u;
        });
        forgetCachedUsers();
        forgetOneTimePasswordOf(after);
        return new Issued(after, generated);
    }

    /**
     * The caller's own password, knowing the current one (a wrong one counts like a failed sign-in).
     * Ends the caller's other sessions; the console keeps the current one ({@code SessionMark.renew}).
     * The check runs outside the write's transaction, so a failed attempt stays counted.
     */
    public User changeOwnPassword(String current, String replacement, Caller caller) {
        if (caller.isCli()) {
            throw new InvalidInputException("the command line has no password of its own: use 'users reset-password'");
        }
        Passwords.check(replacement);
        if (replacement.equals(current)) {
            throw new InvalidInputException("the new password must differ from the current one");
        }
        if (!self(caller).localPassword()) {
            throw new InvalidInputException("you sign in through OIDC and have no Watchkeeper password");
        }
        PasswordCheck.Result check = passwordCheck.verify(caller.username(), current, null, false);
        if (check.locked() != null) {
            throw new InvalidInputException(check.locked());
        }
        if (!check.ok()) {
            throw new InvalidInputException("the current password is wrong");
        }
        User self = self(caller);
        String hash = encoder.encode(replacement);
        User after = tx.execute(t -> {
            User u = users.setPassword(self.id(), hash, false);
            audit.record(new AuditEntry(caller.actor(), "user.password.change", "user:" + u.username(), null, null));
            return u;
        });
        forgetCachedUsers();
        forgetOneTimePasswordOf(after);
        return after;
    }

    public List<ApiToken> tokens(Caller caller, boolean everyone) {
        if (everyone) {
            caller.requireUnrestrictedAdmin();
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
        ApiToken token = tx.execute(t -> {
            ApiToken created = tokens.create(owner.id(), name.strip(), TokenSecrets.displayPrefix(secret),
                    TokenSecrets.hash(secret), tokenRole, scope, expiresAt);
            audit.record(new AuditEntry(caller.actor(), "token.create", "token:" + created.id(), null,
                    Json.tree(Map.of("name", created.name(), "role", tokenRole.name(), "owner", owner.username()))));
            return created;
        });
        return new IssuedToken(token, secret);
    }

    /** Revokes one's own token; other people's only as an admin of every account (others: 404). */
    public void revokeToken(long id, Caller caller) {
        ApiToken token = tokens.find(id).orElseThrow(Caller.NotVisibleException::new);
        if (!token.username().equals(caller.username())
                && !(caller.can(Role.ADMIN) && caller.unrestricted())) {
            throw new Caller.NotVisibleException();
        }
        boolean revoked = Boolean.TRUE.equals(tx.execute(t -> {
            if (!tokens.revoke(id, OffsetDateTime.now())) {
                return false;
            }
            audit.record(new AuditEntry(caller.actor(), "token.revoke", "token:" + id, null,
                    Json.tree(Map.of("name", token.name(), "owner", token.username()))));
            return true;
        }));
        tokenCache.invalidateAll();
        if (!revoked) {
            throw new InvalidInputException("token " + id + " is already revoked");
        }
    }

    private User self(Caller caller) {
        return users.find(caller.username()).orElseThrow(() -> new InvalidInputException("unknown user"));
    }

    private void forgetCachedUsers() {
        tokenCache.invalidateAll();
        userCache.invalidateAll();
    }

    private void forgetOneTimePasswordOf(User user) {
        if (user.username().equals(InitialAdmin.USERNAME)) {
            InitialAdmin.forgetOneTimePassword(home);
        }
    }

    private AccountScope scope(Set<Long> accountIds) {
        if (accountIds == null || accountIds.isEmpty()) {
            return AccountScope.ALL;
        }
        AccountScope scope = AccountScope.of(accountIds);
        checkAccounts(scope);
        return scope;
    }

    private void checkAccounts(AccountScope scope) {
        if (scope.unrestricted()) {
            return;
        }
        for (long id : scope.accountIds()) {
            if (accounts.findById(id).isEmpty()) {
                throw new InvalidInputException("no account with id " + id);
            }
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
