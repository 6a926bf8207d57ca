package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.secret.SecretKind;
import io.watchkeeper.core.secret.SecretVault;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hand-written {@link SecretVault} for watcher tests: keeps secrets in memory. The real vault
 * (envelope encryption, {@code cert-manager}'s {@code SealedAccountSecrets}) is tested in
 * cert-manager and end to end in web; the watchers module may not depend on cert-manager.
 */
public final class InMemorySecrets implements SecretVault {

    private final Map<Long, Secret> secrets = new ConcurrentHashMap<>();

    @Override
    public void store(long accountId, SecretKind kind, byte[] plaintext) {
        secrets.put(accountId, new Secret(kind, plaintext));
    }

    @Override
    public Secret open(long accountId) {
        Secret s = secrets.get(accountId);
        return s == null ? null : new Secret(s.kind(), s.value());
    }
}
