package io.watchkeeper.certmanager.keys;

import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyVault;
import io.watchkeeper.core.cert.SealedKey;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Master key rotation: a new master key version, then every data key rewrapped with it. Only the
 * wrapped data keys change; the encrypted private keys are never decrypted. Keys not yet rewrapped
 * stay readable with their old version, so a rotation can be interrupted and resumed.
 */
public final class MasterKeyRotation {

    /** What a rotation did. */
    public record Result(String version, int rewrapped, List<String> failed) {}

    private static final int BATCH = 500;

    private final KeySealer sealer;
    private final KeyVault vault;
    private final List<SealedSecretSet> others;

    public MasterKeyRotation(KeySealer sealer, KeyVault vault) {
        this(sealer, vault, List.of());
    }

    /** A rotation that also rewraps account secrets (GitHub tokens and App keys). */
    public MasterKeyRotation(KeySealer sealer, KeyVault vault, SealedAccountSecrets accountSecrets) {
        this(sealer, vault, accountSecrets == null ? List.of() : List.of(accountSecrets));
    }

    /**
     * A rotation that also rewraps the secrets of {@code others} (account secrets, the GitHub webhook
     * secret...) after the key vault's data keys.
     */
    public MasterKeyRotation(KeySealer sealer, KeyVault vault, List<? extends SealedSecretSet> others) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.others = List.copyOf(others);
    }

    /** Creates a new master key version and rewraps every data key with it. */
    public Result rotate() {
        sealer.active().rotate();
        return rewrapAll();
    }

    /** Rewraps every data key not yet wrapped by the current master key version (resumes a rotation). */
    public Result rewrapAll() {
        KeyWrapper active = sealer.active();
        String version = active.currentVersion();
        Set<KeyOwner> failed = new HashSet<>();
        List<String> errors = new java.util.ArrayList<>();
        int rewrapped = 0;
        while (true) {
            List<KeyOwner> batch = vault.wrappedByOtherThan(active.provider(), version, BATCH + failed.size());
            List<KeyOwner> todo = batch.stream().filter(o -> !failed.contains(o)).toList();
            if (todo.isEmpty()) {
                for (SealedSecretSet set : others) {
                    Result secrets = set.rewrapAll();
                    rewrapped += secrets.rewrapped();
                    errors.addAll(secrets.failed());
                }
                return new Result(version, rewrapped, List.copyOf(errors));
            }
            for (KeyOwner owner : todo) {
                SealedKey sealed = vault.find(owner).orElse(null);
                if (sealed == null) {
                    failed.add(owner);
                    continue;
                }
                try {
                    if (vault.rewrap(owner, sealed, sealer.rewrap(sealed, owner))) {
                        rewrapped++;
                    } else {
                        failed.add(owner); // changed meanwhile (another rotation): not ours to redo
                    }
                } catch (RuntimeException e) {
                    failed.add(owner);
                    errors.add(owner + ": " + e.getMessage());
                }
            }
        }
    }
}
