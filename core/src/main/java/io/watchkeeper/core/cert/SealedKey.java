package io.watchkeeper.core.cert;

import java.util.Objects;

/**
 * A private key encrypted at rest (envelope encryption): the PKCS#8 key encrypted with a fresh
 * data key, and that data key wrapped by a master key. Nothing here is secret on its own.
 *
 * @param algorithm how {@code ciphertext} was made ({@code AES-256-GCM}: 12-byte nonce, ciphertext, tag)
 * @param ciphertext the encrypted PKCS#8 private key
 * @param wrappedKey the data key, wrapped by the master key
 * @param provider which key-wrapping provider holds the master key ({@code keystore}, {@code aws-kms})
 * @param masterKeyVersion the master key version that wrapped the data key
 */
public record SealedKey(String algorithm, byte[] ciphertext, byte[] wrappedKey, String provider,
                        String masterKeyVersion) {

    public SealedKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(masterKeyVersion, "masterKeyVersion");
        ciphertext = ciphertext.clone();
        wrappedKey = wrappedKey.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /** The same ciphertext with its data key wrapped again (master key rotation). */
    public SealedKey rewrapped(byte[] newWrappedKey, String newProvider, String newVersion) {
        return new SealedKey(algorithm, ciphertext, newWrappedKey, newProvider, newVersion);
    }
}
