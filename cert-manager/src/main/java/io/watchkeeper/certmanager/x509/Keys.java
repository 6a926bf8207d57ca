package io.watchkeeper.certmanager.x509;

import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.model.InvalidInputException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Key generation, key descriptions and key/certificate matching. */
public final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {}

    /** A fresh key pair of {@code type}. */
    public static KeyPair generate(KeyType type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type.algorithm());
            if (type.curve() != null) {
                generator.initialize(new ECGenParameterSpec(type.curve()), RANDOM);
            } else {
                generator.initialize(new RSAKeyGenParameterSpec(type.bits(), RSAKeyGenParameterSpec.F4), RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + type + " key", e);
        }
    }

    /** The key type of {@code key}, or an {@link InvalidInputException} when it is not one Watchkeeper issues for. */
    public static KeyType typeOf(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return KeyType.of("RSA", rsa.getModulus().bitLength());
        }
        if (key instanceof ECPublicKey ec) {
            for (KeyType type : KeyType.values()) {
                if (type.curve() != null && sameCurve(ec.getParams(), type.curve())) {
                    return type;
                }
            }
            throw new InvalidInputException("unsupported EC curve (supported: P-256, P-384)");
        }
        throw new InvalidInputException("unsupported key algorithm " + key.getAlgorithm() + " (supported: EC, RSA)");
    }

    /**
     * Refuses keys too weak or too odd to keep in the inventory: RSA below 2048 or above 16384 bits,
     * EC other than P-256/P-384/P-521, anything but RSA, EC and Ed25519.
     */
    public static void checkAcceptable(PublicKey key, String what) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < 2048 || bits > 16384) {
                throw new InvalidInputException(what + ": RSA key of " + bits + " bits (2048-16384 accepted)");
            }
            return;
        }
        if (key instanceof ECPublicKey ec) {
            if (!sameCurve(ec.getParams(), "secp256r1") && !sameCurve(ec.getParams(), "secp384r1")
                    && !sameCurve(ec.getParams(), "secp521r1")) {
                throw new InvalidInputException(what + ": EC key on an unsupported curve (P-256, P-384, P-521 accepted)");
            }
            return;
        }
        if (!key.getAlgorithm().equals("Ed25519") && !key.getAlgorithm().equals("EdDSA")) {
            throw new InvalidInputException(what + ": unsupported key algorithm " + key.getAlgorithm());
        }
    }

    /** Key size in bits (curve order size for EC). */
    public static int bits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        return key.getAlgorithm().startsWith("Ed") ? 255 : 0;
    }

    /** {@code EC}, {@code RSA} or the JCA name. */
    public static String algorithm(PublicKey key) {
        return key.getAlgorithm().equals("EdDSA") ? "Ed25519" : key.getAlgorithm();
    }

    /** Whether {@code privateKey} belongs to {@code publicKey}: it signs a random challenge that the public key verifies. */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        try {
            String algorithm = switch (publicKey.getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> publicKey.getAlgorithm();
            };
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameCurve(ECParameterSpec params, String curve) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curve));
            ECParameterSpec named = parameters.getParameterSpec(ECParameterSpec.class);
            return named.getOrder().equals(params.getOrder()) && named.getCurve().equals(params.getCurve())
                    && named.getGenerator().equals(params.getGenerator()) && named.getCofactor() == params.getCofactor();
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A positive random serial number of 128 bits (RFC 5280: at most 20 octets; CA/B: at least 64 random bits). */
    public static BigInteger randomSerial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        BigInteger serial = new BigInteger(1, bytes);
        return serial.signum() == 0 ? BigInteger.ONE : serial;
    }

    /** The public half of a stored private key (RSA CRT or EC), e.g. to resume an order with a sealed key. */
    public static PublicKey publicKeyOf(PrivateKey key) {
        try {
            if (key instanceof java.security.interfaces.RSAPrivateCrtKey rsa) {
                return java.security.KeyFactory.getInstance("RSA").generatePublic(
                        new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (key instanceof java.security.interfaces.ECPrivateKey ec) {
                org.bouncycastle.jce.spec.ECParameterSpec spec =
                        org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util.convertSpec(ec.getParams());
                org.bouncycastle.math.ec.ECPoint q = spec.getG().multiply(ec.getS()).normalize();
                return java.security.KeyFactory.getInstance("EC").generatePublic(new java.security.spec.ECPublicKeySpec(
                        new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
                        ec.getParams()));
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
        throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
    }
}
