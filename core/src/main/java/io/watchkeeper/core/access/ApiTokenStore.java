package io.watchkeeper.core.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** API tokens, stored as SHA-256 hashes of their secrets. */
public interface ApiTokenStore {

    ApiToken create(long userId, String name, String prefix, String secretHash, Role role, AccountScope scope,
                    OffsetDateTime expiresAt);

    /** The token whose secret hashes to {@code secretHash}, revoked or not. */
    Optional<ApiToken> findByHash(String secretHash);

    Optional<ApiToken> find(long id);

    /** Tokens of one user, or of everyone when {@code userId} is null, newest first. */
    List<ApiToken> list(Long userId);

    /** Records a use (at most once a minute per token, to keep the hot path cheap). */
    void touch(long id, OffsetDateTime at);

    /** Revokes a token; false when it was already revoked or does not exist. */
    boolean revoke(long id, OffsetDateTime at);
}
