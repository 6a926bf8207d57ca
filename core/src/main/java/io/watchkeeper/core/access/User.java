package io.watchkeeper.core.access;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A console or API user (never carries the password hash).
 *
 * @param id database id
 * @param username unique login name
 * @param displayName shown name (may be null)
 * @param role what the user may do
 * @param scope which accounts the user sees
 * @param enabled whether the user may log in
 * @param localPassword whether the user has a local password (OIDC-only users do not)
 * @param oidcIssuer issuer of the linked OIDC identity, or null
 * @param lastLoginAt last successful login, or null
 * @param createdAt when the user was created
 * @param mustChangePassword the user may do nothing but choose a new password (after a reset or the one-time password)
 * @param sessionGeneration raised by every change to the user; console sessions of an older generation end
 */
public record User(long id, String username, String displayName, Role role, AccountScope scope, boolean enabled,
                   boolean localPassword, String oidcIssuer, OffsetDateTime lastLoginAt, OffsetDateTime createdAt,
                   boolean mustChangePassword, long sessionGeneration) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        scope = scope == null ? AccountScope.ALL : scope;
    }
}
