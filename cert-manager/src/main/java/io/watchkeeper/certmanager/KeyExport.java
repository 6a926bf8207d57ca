package io.watchkeeper.certmanager;

import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyVault;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Exports a certificate with its chain, and its private key only when asked. Every key export is
 * written to the audit log and the certificate's events before the key leaves this class.
 */
public final class KeyExport {

    public static final int MIN_PASSWORD = 8;

    private final CertificateStore store;
    private final KeyVault vault;
    private final KeySealer sealer;
    private final AuditLog audit;

    public KeyExport(CertificateStore store, KeyVault vault, KeySealer sealer, AuditLog audit) {
        this.store = Objects.requireNonNull(store, "store");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * The export of certificate {@code id}.
     *
     * @param withKey include the private key (PKCS#12 and JKS always include it)
     * @param password keystore password for PKCS#12 and JKS (at least {@value #MIN_PASSWORD} characters), else ignored
     * @param purpose why, recorded in the audit log
     */
    public byte[] export(long id, ExportFormat format, boolean withKey, char[] password, String purpose, String actor) {
        StoredCertificate cert = store.require(id);
        List<X509Certificate> path = new ArrayList<>(Pem.certificates(cert.certificatePem(), "stored certificate"));
        cert.chainPem().forEach(p -> path.addAll(Pem.certificates(p, "stored chain")));
        boolean keyNeeded = withKey || format != ExportFormat.PEM;
        if (!keyNeeded) {
            return Pem.encodeAll(path).getBytes(StandardCharsets.US_ASCII);
        }
        if (!cert.hasPrivateKey()) {
            throw new InvalidInputException("Watchkeeper does not hold the private key of certificate " + id
                    + " (issued from a CSR or imported without key); export --format pem without --with-key gives the chain");
        }
        if (format != ExportFormat.PEM && (password == null || password.length < MIN_PASSWORD)) {
            throw new InvalidInputException("a " + format.name().toLowerCase(Locale.ROOT) + " export needs a password of at least "
                    + MIN_PASSWORD + " characters (--password-file)");
        }
        KeyOwner owner = KeyOwner.certificate(id);
        PrivateKey key = sealer.open(vault.find(owner).orElseThrow(() -> new InvalidInputException(
                "the private key of certificate " + id + " is missing")), owner);
        var details = Json.object().put("format", format.name().toLowerCase(Locale.ROOT))
                .put("serial", cert.metadata().serial()).put("purpose", purpose == null ? "" : purpose);
        audit.record(new AuditEntry(actor, "certificate.key.export", "certificate:" + id, null, details));
        store.recordEvent(id, "key-exported", actor, details);
        return switch (format) {
            case PEM -> (Pem.encodeAll(path) + Pem.encode(key)).getBytes(StandardCharsets.US_ASCII);
            case PKCS12 -> keystore("PKCS12", path, key, password, id);
            case JKS -> keystore("JKS", path, key, password, id);
        };
    }

    private static byte[] keystore(String type, List<X509Certificate> path, PrivateKey key, char[] password, long id) {
        try {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(null, null);
            ks.setKeyEntry("certificate-" + id, key, password, path.toArray(X509Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the " + type + " export", e);
        }
    }
}
