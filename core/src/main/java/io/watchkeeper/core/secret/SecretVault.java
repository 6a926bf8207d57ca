package io.watchkeeper.core.secret;

import java.util.Arrays;
import java.util.Objects;

/**
 * Seals account secrets on the way in and opens them when a session opens. Implemented with the
 * envelope encryption of the certificate manager; provider modules see only this interface.
 */
public interface SecretVault {

    /** Seals {@code plaintext} for the account and stores it (set or replace); the caller wipes its copy. */
    void store(long accountId, SecretKind kind, byte[] plaintext);

    /** The account's secret, opened; null when it has none. Callers wipe it after use ({@link Secret#wipe}). */
    Secret open(long accountId);

    /** An opened secret. Never logged, printed or returned: {@link #toString} hides the value. */
    final class Secret {
        private final SecretKind kind;
        private final byte[] value;

        public Secret(SecretKind kind, byte[] value) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.value = value.clone();
        }

        public SecretKind kind() {
            return kind;
        }

        public byte[] value() {
            return value.clone();
        }

        public void wipe() {
            Arrays.fill(value, (byte) 0);
        }

        @Override
        public String toString() {
            return "Secret[" + kind.id() + ", hidden]";
        }
    }
}
