package io.watchkeeper.web.security;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import java.io.Serializable;
import java.util.Objects;

/**
 * The authenticated caller of a request, as every service sees it.
 *
 * @param username the user (for tokens: the token's owner)
 * @param role effective role (a token's role, never above its owner's)
 * @param scope effective accounts
 * @param via how the caller authenticated: {@code password}, {@code oidc} or {@code token:<id>}
 */
public record Caller(String username, Role role, AccountScope scope, String via) implements Serializable {

    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        scope = scope == null ? AccountScope.ALL : scope;
    }

    /**
     * The person at the command line: the operating-system user, as {@code cli:<user>}. Whoever can
     * run the CLI on the server's machine can read its database and keys, so the CLI acts as an
     * unrestricted admin; it still goes through the same services (and the same audit entries) as
     * the console and the API.
     */
    public static Caller cli() {
        String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._@-]", "_");
        return new Caller("cli:" + user, Role.ADMIN, AccountScope.ALL, "cli");
    }

    /** Whether this caller is the local command line. */
    public boolean isCli() {
        return "cli".equals(via);
    }

    /** The actor recorded in the audit log: {@code alice} or {@code alice (token 7)}. */
    public String actor() {
        return via.startsWith("token:") ? username + " (token " + via.substring(6) + ")" : username;
    }

    /** Whether the caller has at least {@code needed}. */
    public boolean can(Role needed) {
        return role.includes(needed);
    }

    /** Refuses (403) unless the caller has at least {@code needed}. */
    public void require(Role needed) {
        if (!can(needed)) {
            throw new org.springframework.security.access.AccessDeniedException("needs role " + needed.name().toLowerCase());
        }
    }

    /** Whether the caller sees every account (only such admins administer users and global settings). */
    public boolean unrestricted() {
        return scope.unrestricted();
    }

    /** Refuses (403) unless the caller is an admin of every account. */
    public void requireUnrestrictedAdmin() {
        require(Role.ADMIN);
        if (!unrestricted()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "needs an admin of every account (yours is limited to some accounts)");
        }
    }

    /** Refuses (404, so existence does not leak) when account {@code accountId} is outside the scope. */
    public void requireAccount(long accountId) {
        if (!scope.allows(accountId)) {
            throw new NotVisibleException();
        }
    }

    /** Thrown for things outside the caller's accounts; answered as 404. */
    public static final class NotVisibleException extends RuntimeException {
        public NotVisibleException() {
            super("not found", null, false, false);
        }
    }
}
