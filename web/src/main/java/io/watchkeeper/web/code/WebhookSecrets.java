package io.watchkeeper.web.code;

import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.keys.KeyWrapper;
import io.watchkeeper.certmanager.keys.MasterKeyRotation;
import io.watchkeeper.certmanager.keys.SealedSecretSet;
import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.core.code.CodeReviewStore;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The GitHub App's webhook secret: sealed at rest ({@link KeySealer}, associated data
 * {@value #ASSOCIATED_DATA}), opened at most once a minute per node, never returned or logged, and
 * rewrapped by master key rotation, the check of {@code X-Hub-Signature-256} (HMAC-SHA256 over the raw body, compared in constant time).
 */
public final class WebhookSecrets implements SealedSecretSet {

    static final String ASSOCIATED_DATA = "github-webhook-secret";
    private static final Duration KEEP = Duration.ofMinutes(1);

    private final CodeReviewStore store;
    private final KeySealer sealer;
    private volatile SecretKeySpec cached;
    private volatile long cachedAt;

    public WebhookSecrets(CodeReviewStore store, KeySealer sealer) {
        this.store = store;
        this.sealer = sealer;
    }

    /** Seals and stores the secret; true when it replaced one. */
    public boolean store(byte[] secret) {
        boolean existed = store.webhookSecret().isPresent();
        store.putWebhookSecret(sealer.sealBytes(secret, ASSOCIATED_DATA));
        cached = null;
        return existed;
    }

    /**
     * Master key rotation: the secret's data key wrapped again with the current master key version
     * (the ciphertext is not touched; compare-and-set, so a secret set meanwhile is left alone).
     */
    @Override
    public MasterKeyRotation.Result rewrapAll() {
        KeyWrapper active = sealer.active();
        String version = active.currentVersion();
        SealedKey sealed = store.webhookSecret().orElse(null);
        if (sealed == null || sealed.provider().equals(active.provider()) && sealed.masterKeyVersion().equals(version)) {
            return new MasterKeyRotation.Result(version, 0, List.of());
        }
        try {
            boolean done = store.rewrapWebhookSecret(sealed, sealer.rewrap(sealed, ASSOCIATED_DATA));
            cached = null;
            return new MasterKeyRotation.Result(version, done ? 1 : 0, List.of());
        } catch (RuntimeException e) {
            return new MasterKeyRotation.Result(version, 0, List.of(ASSOCIATED_DATA + ": " + e.getMessage()));
        }
    }

    public boolean isSet() {
        return store.webhookSecret().isPresent();
    }

    /** Outcome of a signature check. */
    public enum Verdict { VALID, INVALID, NO_SECRET }

    /** Checks {@code header} ({@code sha256=<hex>}) against the HMAC of {@code body}. */
    public Verdict verify(byte[] body, String header) {
        SecretKeySpec key = key();
        if (key == null) {
            return Verdict.NO_SECRET;
        }
        if (header == null || !header.startsWith("sha256=") || header.length() != 7 + 64) {
            return Verdict.INVALID;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(7));
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return MessageDigest.isEqual(mac.doFinal(body), given) ? Verdict.VALID : Verdict.INVALID;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec key = cached;
        if (key != null && System.nanoTime() - cachedAt < KEEP.toNanos()) {
            return key;
        }
        SealedKey sealed = store.webhookSecret().orElse(null);
        if (sealed == null) {
            cached = null;
            return null;
        }
        byte[] plain = sealer.openBytes(sealed, ASSOCIATED_DATA);
        try {
            key = new SecretKeySpec(plain, "HmacSHA256");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        cached = key;
        cachedAt = System.nanoTime();
        return key;
    }
}
