package io.watchkeeper.certmanager.keys;

import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Envelope encryption of private keys: each key (PKCS#8) is encrypted with AES-256-GCM under a
 * fresh random data key, with its owner ({@code certificate:42}) as associated data; the data key is
 * wrapped by the active {@link KeyWrapper}. Plaintext keys and data keys exist only in memory.
 */
public final class KeySealer {

    public static final String ALGORITHM = "AES-256-GCM";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyWrapper active;
    private final Map<String, KeyWrapper> wrappers;

    /** Seals with {@code active}; opens keys wrapped by any of {@code readable} (which should include it). */
    public KeySealer(KeyWrapper active, Collection<KeyWrapper> readable) {
        this.active = Objects.requireNonNull(active, "active");
        this.wrappers = new java.util.HashMap<>(readable.stream().collect(Collectors.toMap(KeyWrapper::provider, Function.identity())));
        this.wrappers.putIfAbsent(active.provider(), active);
    }

    public KeySealer(KeyWrapper active) {
        this(active, java.util.List.of(active));
    }

    public SealedKey seal(PrivateKey key, KeyOwner owner) {
        byte[] plain = key.getEncoded();
        try {
            return sealBytes(plain, owner.associatedData());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Seals arbitrary secret bytes (an account's token or App key) the same way, bound to
     * {@code associatedData} ({@code account-secret:42}). The caller wipes {@code plain}.
     */
    public SealedKey sealBytes(byte[] plain, String associatedData) {
        byte[] dataKey = new byte[32];
        try {
            RANDOM.nextBytes(dataKey);
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(plain);
            byte[] ciphertext = new byte[NONCE + encrypted.length];
            System.arraycopy(nonce, 0, ciphertext, 0, NONCE);
            System.arraycopy(encrypted, 0, ciphertext, NONCE, encrypted.length);
            KeyWrapper.Wrapped wrapped = active.wrap(dataKey, associatedData);
            return new SealedKey(ALGORITHM, ciphertext, wrapped.bytes(), active.provider(), wrapped.version());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The private key sealed for {@code owner}; an error when it was tampered with or sealed for another owner. */
    public PrivateKey open(SealedKey sealed, KeyOwner owner) {
        byte[] plain = openBytes(sealed, owner.associatedData(), "the private key of " + owner);
        try {
            return new JcaPEMKeyConverter().getPrivateKey(PrivateKeyInfo.getInstance(plain));
        } catch (java.io.IOException | RuntimeException e) {
            throw failure("the private key of " + owner, "it is not a private key");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * The secret bytes sealed with {@code associatedData}; an error when they were tampered with or
     * sealed for another owner. The caller wipes the result.
     */
    public byte[] openBytes(SealedKey sealed, String associatedData) {
        return openBytes(sealed, associatedData, "the secret " + associatedData);
    }

    private byte[] openBytes(SealedKey sealed, String associatedData, String owner) {
        if (!ALGORITHM.equals(sealed.algorithm())) {
            throw failure(owner, "unknown algorithm " + sealed.algorithm());
        }
        byte[] dataKey = wrapper(sealed, owner).unwrap(sealed.wrappedKey(), sealed.masterKeyVersion(), associatedData);
        try {
            byte[] ciphertext = sealed.ciphertext();
            if (ciphertext.length <= NONCE) {
                throw failure(owner, "ciphertext too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                    new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ciphertext, NONCE, ciphertext.length - NONCE);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof WatchkeeperException w) {
                throw w;
            }
            throw failure(owner, "it does not decrypt (tampered, or sealed for another owner)");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** {@code sealed} with its data key wrapped by the active provider's current version (same ciphertext). */
    public SealedKey rewrap(SealedKey sealed, KeyOwner owner) {
        return rewrap(sealed, owner.associatedData());
    }

    /** {@code sealed} (bound to {@code associatedData}) with its data key wrapped by the current master key version. */
    public SealedKey rewrap(SealedKey sealed, String associatedData) {
        if (sealed.provider().equals(active.provider()) && sealed.masterKeyVersion().equals(active.currentVersion())) {
            return sealed;
        }
        byte[] dataKey = wrapper(sealed, "the sealed key " + associatedData).unwrap(sealed.wrappedKey(),
                sealed.masterKeyVersion(), associatedData);
        try {
            KeyWrapper.Wrapped wrapped = active.wrap(dataKey, associatedData);
            return sealed.rewrapped(wrapped.bytes(), active.provider(), wrapped.version());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public KeyWrapper active() {
        return active;
    }

    private KeyWrapper wrapper(SealedKey sealed, String owner) {
        KeyWrapper wrapper = wrappers.get(sealed.provider());
        if (wrapper == null) {
            throw failure(owner, "its master key provider '" + sealed.provider() + "' is not configured");
        }
        return wrapper;
    }

    private static WatchkeeperException failure(String owner, String why) {
        return new WatchkeeperException(ErrorCategory.INTERNAL, owner + " cannot be opened: " + why);
    }
}
