package io.watchkeeper.certmanager;

import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.certmanager.x509.Chains;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.CertificateSource;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.NewCertificate;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * Importing certificates issued elsewhere: a PEM chain (leaf first), optionally with the leaf's
 * key. Everything is validated before anything is stored: PEM form and size, chain order and
 * signatures, validity, key strength, and that the key belongs to the certificate.
 */
public final class CertificateImports {

    private final CertificateStore store;
    private final KeySealer sealer;
    private final AuditLog audit;
    private final Clock clock;

    public CertificateImports(CertificateStore store, KeySealer sealer, AuditLog audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores the certificate at the head of {@code chainPem} with the rest as its chain.
     *
     * @param keyPem the leaf's private key (PEM), or null
     */
    public StoredCertificate importChain(String chainPem, String keyPem, io.watchkeeper.core.cert.Ownership ownership,
                                         String actor) {
        List<X509Certificate> certs = Pem.certificates(chainPem, "certificate chain");
        X509Certificate leaf = certs.getFirst();
        Keys.checkAcceptable(leaf.getPublicKey(), "the certificate");
        Chains.verify(certs, clock.instant());
        PrivateKey key = keyPem == null ? null : Pem.privateKey(keyPem, "private key");
        if (key != null && !Keys.matches(key, leaf.getPublicKey())) {
            throw new InvalidInputException("the private key does not belong to the certificate (key/certificate mismatch)");
        }
        long id = store.nextId();
        StoredCertificate stored = store.add(new NewCertificate(id, CertificateFacts.of(leaf), Pem.encode(leaf),
                certs.subList(1, certs.size()).stream().map(Pem::encode).toList(), ownership, null,
                CertificateSource.IMPORTED, null, key == null ? null : sealer.seal(key, KeyOwner.certificate(id)), null,
                actor));
        ObjectNode after = Json.object();
        after.put("id", stored.id());
        after.put("subject", stored.metadata().subject());
        after.put("issuer", stored.metadata().issuer());
        after.put("serial", stored.metadata().serial());
        after.put("fingerprint", stored.metadata().sha256Fingerprint());
        after.put("owner", stored.ownerLabel());
        after.put("withKey", key != null);
        audit.record(new AuditEntry(actor, "certificate.import", "certificate:" + stored.id(), null, after));
        return stored;
    }
}
