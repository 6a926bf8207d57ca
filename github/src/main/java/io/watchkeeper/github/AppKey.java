package io.watchkeeper.github;

import io.watchkeeper.core.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A GitHub App's private key from its PEM file: GitHub hands out PKCS#1 ({@code BEGIN RSA PRIVATE
 * KEY}); PKCS#8 ({@code BEGIN PRIVATE KEY}) is accepted too. Anything else is refused with a message
 * that never repeats the file's content.
 */
public final class AppKey {

    /** rsaEncryption AlgorithmIdentifier: SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private AppKey() {}

    /** The RSA private key in {@code pem} (ASCII bytes); the caller wipes {@code pem}. */
    public static PrivateKey parse(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        boolean pkcs1 = text.contains("-----BEGIN RSA PRIVATE KEY-----");
        String begin = pkcs1 ? "-----BEGIN RSA PRIVATE KEY-----" : "-----BEGIN PRIVATE KEY-----";
        String end = pkcs1 ? "-----END RSA PRIVATE KEY-----" : "-----END PRIVATE KEY-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new InvalidInputException("the App key file is not a PEM private key (expected the .pem file GitHub "
                    + "generated: BEGIN RSA PRIVATE KEY)");
        }
        byte[] der = null;
        byte[] pkcs8 = null;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
            pkcs8 = pkcs1 ? wrapPkcs1(der) : der;
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (key instanceof RSAPrivateCrtKey rsa && rsa.getModulus().bitLength() < 2048) {
                throw new InvalidInputException("the App key is shorter than 2048 bits");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInputException("the App key file does not hold a readable RSA private key");
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
            if (pkcs8 != null && pkcs8 != der) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    /** PKCS#1 RSAPrivateKey wrapped as a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, the key). */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(pkcs1.length + 32);
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        byte[] inner = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(inner.length + 8);
        out.write(0x30);
        out.writeBytes(length(inner.length));
        out.writeBytes(inner);
        Arrays.fill(inner, (byte) 0);
        return out.toByteArray();
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }
}
