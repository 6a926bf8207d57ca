package io.watchkeeper.certmanager;

import io.watchkeeper.certmanager.destination.TlsProbe;
import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.CertificateSource;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.NewCertificate;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateSummary;

/**
 * Certificates Watchkeeper did not issue join the inventory (source DISCOVERED, no key) so their
 * expiry is tracked: those served on TLS endpoints and those held in ACM. Seeing the same
 * certificate again (same fingerprint) adds nothing.
 */
public final class Discovery {

    /** One discovered certificate: stored now, or already known. */
    public record Found(String where, StoredCertificate certificate, boolean isNew) {}

    private final CertificateStore store;
    private final AuditLog audit;

    public Discovery(CertificateStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The certificate served at {@code host:port} (TLS handshake with SNI; the chain is not trusted, only recorded). */
    public Found endpoint(String hostPort, io.watchkeeper.core.cert.Ownership owner, String actor) {
        try {
            List<X509Certificate> chain = TlsProbe.servedChain(hostPort, 5000);
            return remember("tls:" + hostPort, chain, owner, actor);
        } catch (IOException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "cannot reach " + hostPort + ": " + e.getMessage(), e);
        }
    }

    /** Every certificate in ACM reachable with {@code acm}. */
    public List<Found> acm(AcmClient acm, String label, io.watchkeeper.core.cert.Ownership owner, String actor) {
        List<Found> found = new ArrayList<>();
        for (CertificateSummary summary : acm.listCertificatesPaginator(r -> { }).certificateSummaryList()) {
            var got = acm.getCertificate(r -> r.certificateArn(summary.certificateArn()));
            String pem = got.certificate() + (got.certificateChain() == null ? "" : "\n" + got.certificateChain());
            found.add(remember(label + ":" + summary.certificateArn(), Pem.certificates(pem, "ACM certificate"), owner, actor));
        }
        return found;
    }

    /** Every IAM server certificate reachable with {@code iam}. */
    public List<Found> iam(software.amazon.awssdk.services.iam.IamClient iam, String label, io.watchkeeper.core.cert.Ownership owner, String actor) {
        List<Found> found = new ArrayList<>();
        for (var meta : iam.listServerCertificatesPaginator().serverCertificateMetadataList()) {
            var cert = iam.getServerCertificate(r -> r.serverCertificateName(meta.serverCertificateName())).serverCertificate();
            String pem = cert.certificateBody() + (cert.certificateChain() == null ? "" : "\n" + cert.certificateChain());
            found.add(remember(label + ":" + meta.serverCertificateName(), Pem.certificates(pem, "IAM certificate"), owner,
                    actor));
        }
        return found;
    }

    private Found remember(String where, List<X509Certificate> chain, io.watchkeeper.core.cert.Ownership owner, String actor) {
        X509Certificate leaf = chain.getFirst();
        var known = store.findByFingerprint(CertificateFacts.fingerprint(leaf));
        if (known.isPresent()) {
            return new Found(where, known.get(), false);
        }
        long id = store.nextId();
        StoredCertificate stored = store.add(new NewCertificate(id, CertificateFacts.of(leaf), Pem.encode(leaf),
                chain.subList(1, chain.size()).stream().map(Pem::encode).toList(), owner, null,
                CertificateSource.DISCOVERED, null, null, null, actor));
        store.recordEvent(id, "discovered", actor, Json.tree(Map.of("where", where)));
        audit.record(new AuditEntry(actor, "certificate.discover", "certificate:" + id, null,
                Json.tree(Map.of("where", where, "subject", stored.metadata().subject(),
                        "notAfter", stored.metadata().notAfter().toString()))));
        return new Found(where, stored, true);
    }
}
