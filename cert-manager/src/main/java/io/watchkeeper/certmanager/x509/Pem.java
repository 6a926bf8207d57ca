package io.watchkeeper.certmanager.x509;

import io.watchkeeper.core.cert.DnsNames;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM in and out, bounded: at most {@value #MAX_CHARS} characters and {@value #MAX_OBJECTS}
 * objects per input, every parse failure a one-line {@link InvalidInputException}.
 */
public final class Pem {

    public static final int MAX_CHARS = 256 * 1024;
    public static final int MAX_OBJECTS = 10;

    private Pem() {}

    /** The certificates in {@code pem}, in order; other PEM objects are refused. */
    public static List<X509Certificate> certificates(String pem, String what) {
        List<X509Certificate> certs = new ArrayList<>();
        for (Object o : objects(pem, what)) {
            if (!(o instanceof X509CertificateHolder holder)) {
                throw new InvalidInputException(what + ": expected only CERTIFICATE blocks, found " + kind(o));
            }
            try {
                certs.add(new JcaX509CertificateConverter().getCertificate(holder));
            } catch (CertificateException | RuntimeException e) {
                throw new InvalidInputException(what + ": unreadable certificate (" + reason(e) + ")");
            }
        }
        if (certs.isEmpty()) {
            throw new InvalidInputException(what + ": no PEM certificate found (-----BEGIN CERTIFICATE-----)");
        }
        return certs;
    }

    /** The one private key in {@code pem} (PKCS#8, SEC1 EC or PKCS#1 RSA); encrypted keys are refused. */
    public static PrivateKey privateKey(String pem, String what) {
        List<Object> objects = objects(pem, what);
        if (objects.size() != 1) {
            throw new InvalidInputException(what + ": expected exactly one private key, found " + objects.size()
                    + " PEM objects");
        }
        Object o = objects.getFirst();
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 keys may omit the public key
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(what + ": unreadable private key (" + reason(e) + ")");
        }
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new InvalidInputException(what + ": the private key is encrypted; decrypt it first "
                    + "(openssl pkey -in key.pem -out plain.pem) and import over a safe channel");
        }
        throw new InvalidInputException(what + ": expected a private key, found " + kind(o));
    }

    /** The one PKCS#10 certificate signing request in {@code pem}. */
    public static PKCS10CertificationRequest csr(String pem, String what) {
        List<Object> objects = objects(pem, what);
        if (objects.size() != 1 || !(objects.getFirst() instanceof PKCS10CertificationRequest csr)) {
            throw new InvalidInputException(what + ": expected exactly one CERTIFICATE REQUEST block");
        }
        return csr;
    }

    /** PEM of a certificate, CRL or CSR; private keys as PKCS#8 ({@code PRIVATE KEY}). */
    public static String encode(Object value) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (value instanceof PrivateKey key) {
                writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
                writer.flush();
                return out.toString();
            }
            writer.writeObject(value instanceof X509CRL crl ? toHolder(crl) : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object toHolder(X509CRL crl) throws IOException {
        try {
            return new org.bouncycastle.cert.X509CRLHolder(crl.getEncoded());
        } catch (java.security.cert.CRLException e) {
            throw new IOException(e);
        }
    }

    /** Certificates concatenated, leaf first. */
    public static String encodeAll(List<X509Certificate> certificates) {
        StringBuilder sb = new StringBuilder();
        certificates.forEach(c -> sb.append(encode(c)));
        return sb.toString();
    }

    private static List<Object> objects(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidInputException(what + ": empty input");
        }
        if (pem.length() > MAX_CHARS) {
            throw new InvalidInputException(what + ": larger than " + MAX_CHARS / 1024 + " KiB");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (objects.size() == MAX_OBJECTS) {
                    throw new InvalidInputException(what + ": more than " + MAX_OBJECTS + " PEM objects");
                }
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(what + ": malformed PEM (" + reason(e) + ")");
        }
        if (objects.isEmpty()) {
            throw new InvalidInputException(what + ": no PEM block found");
        }
        return objects;
    }

    private static String kind(Object o) {
        return o.getClass().getSimpleName();
    }

    static String reason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        // "problem parsing: java.io.IOException: bad tag" -> "problem parsing: bad tag"
        return DnsNames.printable(m.replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ?", ""));
    }
}
