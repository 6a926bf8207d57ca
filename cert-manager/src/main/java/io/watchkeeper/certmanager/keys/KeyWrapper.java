package io.watchkeeper.certmanager.keys;

/**
 * Wraps and unwraps data keys with a master key that never leaves the provider: a PKCS#12
 * keystore file ({@link KeystoreKeyWrapper}) or, as a later provider, AWS KMS.
 *
 * <p>An AWS KMS implementation ({@code provider() = "aws-kms"}) would call {@code Encrypt} (or
 * {@code GenerateDataKey}) and {@code Decrypt} with the key's ARN, passing {@code context} as the
 * KMS encryption context so that CloudTrail shows which certificate's key was unwrapped; its
 * {@code currentVersion()} would be the key ARN (KMS rotates key material behind one ARN itself, so
 * {@code rotate()} would switch to a new key ARN given by configuration and return it).
 *
 * <p>Implementations are thread-safe. The wrapped bytes are opaque; only the same provider with the
 * same version and context unwraps them.
 */
public interface KeyWrapper {

    /** Stable provider id stored beside each wrapped key ({@code keystore}, {@code aws-kms}). */
    String provider();

    /** The master key version new data keys are wrapped with. */
    String currentVersion();

    /** {@code dataKey} wrapped with the current master key version, bound to {@code context}. */
    Wrapped wrap(byte[] dataKey, String context);

    /**
     * The data key that {@link #wrap} wrapped with master key {@code version} and {@code context};
     * a {@link io.watchkeeper.core.model.WatchkeeperException} when it does not unwrap (wrong
     * version, context or tampered bytes).
     */
    byte[] unwrap(byte[] wrapped, String version, String context);

    /**
     * Makes a new master key version the current one and returns it. Older versions stay usable
     * for {@link #unwrap} until every data key is rewrapped.
     */
    String rotate();

    /** A wrapped data key and the master key version that wrapped it. */
    record Wrapped(byte[] bytes, String version) {}
}
