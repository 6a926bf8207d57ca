package io.watchkeeper.certmanager.keys;

/**
 * Secrets sealed with {@link KeySealer} outside the key vault (account secrets, the GitHub webhook
 * secret...): a master key rotation asks each set to rewrap what the current master key version did not
 * wrap yet, so no sealed secret is left on a retired version.
 */
public interface SealedSecretSet {

    /** Rewraps every secret of the set not wrapped by the current master key version; how many, and failures. */
    MasterKeyRotation.Result rewrapAll();
}
