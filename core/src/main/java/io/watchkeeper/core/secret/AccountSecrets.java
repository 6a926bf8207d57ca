package io.watchkeeper.core.secret;

import io.watchkeeper.core.cert.SealedKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sealed account secrets at rest (one per account: a GitHub token or App key), envelope-encrypted
 * with the associated data {@code account-secret:<account id>}. Only sealed bytes pass this port.
 */
public interface AccountSecrets {

    /** Sets or replaces the account's secret. */
    void put(long accountId, SecretKind kind, SealedKey sealed);

    Optional<Stored> find(long accountId);

    /** Accounts whose secret is not wrapped by ({@code provider}, {@code version}) (master key rotation). */
    List<Long> wrappedByOtherThan(String provider, String version, int limit);

    /** Replaces the wrapped data key if it is still {@code expected}'s (compare and set). */
    boolean rewrap(long accountId, SealedKey expected, SealedKey rewrapped);

    /**
     * A stored secret.
     *
     * @param accountId whose
     * @param kind what it is
     * @param sealed the sealed bytes
     * @param updatedAt when it was set or replaced
     */
    record Stored(long accountId, SecretKind kind, SealedKey sealed, Instant updatedAt) {
        public Stored {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sealed, "sealed");
        }
    }

    /** The associated data bound into an account secret's encryption. */
    static String associatedData(long accountId) {
        return "account-secret:" + accountId;
    }
}
