package io.watchkeeper.certmanager.keys;

import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.core.secret.AccountSecrets;
import io.watchkeeper.core.secret.SecretKind;
import io.watchkeeper.core.secret.SecretVault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Account secrets (GitHub tokens and App keys) sealed with the same envelope encryption as private
 * keys, bound to {@code account-secret:<account id>} so that a sealed secret copied to another
 * account's row does not open. Plaintext exists only in memory, for as long as a caller holds it.
 */
public final class SealedAccountSecrets implements SecretVault, SealedSecretSet {

    private static final int BATCH = 500;

    private final KeySealer sealer;
    private final AccountSecrets store;

    public SealedAccountSecrets(KeySealer sealer, AccountSecrets store) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void store(long accountId, SecretKind kind, byte[] plaintext) {
        store.put(accountId, kind, sealer.sealBytes(plaintext, AccountSecrets.associatedData(accountId)));
    }

    @Override
    public Secret open(long accountId) {
        AccountSecrets.Stored stored = store.find(accountId).orElse(null);
        if (stored == null) {
            return null;
        }
        byte[] plain = sealer.openBytes(stored.sealed(), AccountSecrets.associatedData(accountId));
        try {
            return new Secret(stored.kind(), plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Rewraps every account secret not wrapped by the current master key version; returns how many, and failures. */
    @Override
    public MasterKeyRotation.Result rewrapAll() {
        KeyWrapper active = sealer.active();
        String version = active.currentVersion();
        Set<Long> failed = new HashSet<>();
        List<String> errors = new ArrayList<>();
        int rewrapped = 0;
        while (true) {
            List<Long> todo = store.wrappedByOtherThan(active.provider(), version, BATCH + failed.size()).stream()
                    .filter(id -> !failed.contains(id)).toList();
            if (todo.isEmpty()) {
                return new MasterKeyRotation.Result(version, rewrapped, List.copyOf(errors));
            }
            for (long accountId : todo) {
                SealedKey sealed = store.find(accountId).map(AccountSecrets.Stored::sealed).orElse(null);
                try {
                    if (sealed != null && store.rewrap(accountId, sealed,
                            sealer.rewrap(sealed, AccountSecrets.associatedData(accountId)))) {
                        rewrapped++;
                    } else {
                        failed.add(accountId);
                    }
                } catch (RuntimeException e) {
                    failed.add(accountId);
                    errors.add(AccountSecrets.associatedData(accountId) + ": " + e.getMessage());
                }
            }
        }
    }
}
