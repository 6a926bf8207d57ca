package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A key Watchkeeper can generate and an internal authority can be limited to. */
public enum KeyType {
    EC_P256("ec-p256", "EC", 256, "secp256r1"),
    EC_P384("ec-p384", "EC", 384, "secp384r1"),
    RSA_2048("rsa-2048", "RSA", 2048, null),
    RSA_3072("rsa-3072", "RSA", 3072, null),
    RSA_4096("rsa-4096", "RSA", 4096, null);

    private final String id;
    private final String algorithm;
    private final int bits;
    private final String curve;

    KeyType(String id, String algorithm, int bits, String curve) {
        this.id = id;
        this.algorithm = algorithm;
        this.bits = bits;
        this.curve = curve;
    }

    /** Stable id used on the command line and in the database ({@code ec-p256}). */
    public String id() {
        return id;
    }

    /** JCA algorithm name: {@code EC} or {@code RSA}. */
    public String algorithm() {
        return algorithm;
    }

    public int bits() {
        return bits;
    }

    /** The named curve for EC keys ({@code secp256r1}), null for RSA. */
    public String curve() {
        return curve;
    }

    /** The signature algorithm a CA with a key of this type signs with. */
    public String signatureAlgorithm() {
        return switch (this) {
            case EC_P256 -> "SHA256withECDSA";
            case EC_P384 -> "SHA384withECDSA";
            case RSA_2048, RSA_3072, RSA_4096 -> "SHA256withRSA";
        };
    }

    /** The key type of an (algorithm, size) pair, or an error naming the supported ones. */
    public static KeyType of(String algorithm, int bits) {
        return Arrays.stream(values())
                .filter(k -> k.algorithm.equalsIgnoreCase(algorithm) && k.bits == bits)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("unsupported key " + algorithm + " " + bits
                        + " bits (supported: " + supported() + ")"));
    }

    public static KeyType fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("unsupported key type '" + id + "' (supported: "
                        + supported() + ")"));
    }

    private static String supported() {
        return Arrays.stream(values()).map(KeyType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
