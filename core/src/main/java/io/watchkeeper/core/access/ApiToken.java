package io.watchkeeper.core.access;

import java.time.OffsetDateTime;

/**
 * An API token as people see it; the secret is shown once at creation and only its SHA-256 is kept.
 *
 * @param id database id
 * @param userId owner
 * @param username owner's username
 * @param name what it is for
 * @param prefix the first characters of the secret, to recognise it
 * @param role the token's role (never above its owner's)
 * @param scope the token's accounts (never wider than its owner's)
 * @param createdAt created
 * @param expiresAt expiry, or null
 * @param lastUsedAt last use, or null
 * @param revokedAt revocation, or null
 */
public record ApiToken(long id, long userId, String username, String name, String prefix, Role role,
                       AccountScope scope, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    /** Whether the token may be used at {@code now}. */
    public boolean usable(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
