package io.watchkeeper.certmanager;

import io.watchkeeper.certmanager.issuer.IssuedCertificate;
import io.watchkeeper.certmanager.issuer.Issuer;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.CertificateSource;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.IssuanceRequest;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.NewCertificate;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issuing a certificate exactly once per idempotency key: the request is checked and signed
 * first (hostile input leaves nothing stored), then the request row, the certificate, its sealed
 * key and the link to the certificate it replaces are stored; a retry with the same key returns
 * the certificate already issued.
 */
public final class Issuance {

    /** What a request produced; {@code alreadyIssued} when the idempotency key had been fulfilled before. */
    public record Result(StoredCertificate certificate, boolean alreadyIssued) {}

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\w.:@/+=-]{1,200}");

    private final Authorities authorities;
    private final CertificateStore store;
    private final KeySealer sealer;
    private final AuditLog audit;

    public Issuance(Authorities authorities, CertificateStore store, KeySealer sealer, AuditLog audit) {
        this.authorities = Objects.requireNonNull(authorities, "authorities");
        this.store = Objects.requireNonNull(store, "store");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Issues {@code request} from authority {@code authorityName}.
     *
     * @param idempotencyKey one key per intended certificate (a renewal uses lineage + cycle)
     * @param replacesId the certificate this one replaces (same account, owner and team required), or null
     */
    public Result request(String authorityName, CertificateRequest request, KeySource keySource, String idempotencyKey,
                          Long replacesId, String actor) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException("the idempotency key must be 1-200 letters, digits or . _ : @ / + = -");
        }
        Authority authority = authorities.require(authorityName);
        if (replacesId != null) {
            StoredCertificate old = store.require(replacesId);
            if (!old.ownership().sameAs(request.ownership())) {
                throw new InvalidInputException("certificate " + replacesId + " has another account, owner or team; "
                        + "a replacement keeps them");
            }
        }
        Issuer issuer = authorities.issuer(authority);
        if (issuer instanceof io.watchkeeper.certmanager.acme.AcmeIssuer acme) {
            return requestAcme(acme, authority, request, keySource, idempotencyKey, replacesId, actor);
        }
        IssuedCertificate issued = issuer.issue(request, keySource);
        IssuanceRequest pending = store.beginIssuance(idempotencyKey, authority.id(), actor, requestJson(request, keySource));
        if (pending.authorityId() != authority.id()) {
            throw new InvalidInputException("idempotency key '" + idempotencyKey + "' was used with another authority");
        }
        if (pending.status() == IssuanceRequest.Status.ISSUED) {
            return new Result(store.require(pending.certificateId()), true);
        }
        long id = store.nextId();
        SealedKey sealed = issued.privateKey() == null ? null : sealer.seal(issued.privateKey(), KeyOwner.certificate(id));
        StoredCertificate stored;
        try {
            stored = store.add(new NewCertificate(id, CertificateFacts.of(issued.certificate()),
                    Pem.encode(issued.certificate()), issued.chain().stream().map(Pem::encode).toList(),
                    request.ownership(), authority.id(), CertificateSource.ISSUED, replacesId, sealed, pending.id(), actor));
        } catch (InvalidInputException e) {
            IssuanceRequest now = store.beginIssuance(idempotencyKey, authority.id(), actor, Json.object());
            if (now.status() == IssuanceRequest.Status.ISSUED) {
                return new Result(store.require(now.certificateId()), true); // a concurrent retry won
            }
            store.failIssuance(pending.id(), e.getMessage());
            throw e;
        }
        ObjectNode after = Json.object();
        after.put("id", stored.id());
        after.put("authority", authority.name());
        after.put("serial", stored.metadata().serial());
        after.put("subject", stored.metadata().subject());
        after.set("dnsNames", Json.tree(stored.metadata().dnsNames()));
        after.set("ipAddresses", Json.tree(stored.metadata().ipAddresses()));
        after.put("notAfter", stored.metadata().notAfter().toString());
        after.put("owner", stored.ownerLabel());
        after.put("keyHeldByWatchkeeper", stored.hasPrivateKey());
        audit.record(new AuditEntry(actor, "certificate.issue", "certificate:" + stored.id(), null, after));
        store.scheduleRenewal(stored.id(), io.watchkeeper.certmanager.rotation.RenewalPlanner.renewAfter(stored.id(),
                stored.metadata().notBefore(), stored.metadata().notAfter(), java.util.Optional.empty()));
        return new Result(stored, false);
    }

    /**
     * ACME orders are asynchronous and placed at another party, so the request row comes first: it
     * reserves the certificate id and keeps the new key sealed for that id, and the order URL is
     * recorded before finalisation. A retry after a crash finds all three and resumes the same order
     * with the same key: the CA issues once and Watchkeeper stores once.
     */
    private Result requestAcme(io.watchkeeper.certmanager.acme.AcmeIssuer acme, Authority authority,
                               CertificateRequest request, KeySource keySource, String idempotencyKey, Long replacesId,
                               String actor) {
        IssuanceRequest pending = store.beginIssuance(idempotencyKey, authority.id(), actor, requestJson(request, keySource));
        if (pending.authorityId() != authority.id()) {
            throw new InvalidInputException("idempotency key '" + idempotencyKey + "' was used with another authority");
        }
        if (pending.status() == IssuanceRequest.Status.ISSUED) {
            return new Result(store.require(pending.certificateId()), true);
        }
        CertificateStore.Reservation reservation = store.reservation(pending.id()).orElse(null);
        java.security.KeyPair key = null;
        if (reservation == null) {
            long id = store.nextId();
            SealedKey sealed = null;
            if (keySource instanceof KeySource.Generate g) {
                key = io.watchkeeper.certmanager.x509.Keys.generate(g.type());
                sealed = sealer.seal(key.getPrivate(), KeyOwner.certificate(id));
            }
            reservation = store.reserve(pending.id(), id, sealed);
        }
        if (reservation.pendingKey() != null && key == null) {
            java.security.PrivateKey priv = sealer.open(reservation.pendingKey(), KeyOwner.certificate(reservation.certificateId()));
            key = new java.security.KeyPair(io.watchkeeper.certmanager.x509.Keys.publicKeyOf(priv), priv);
        }
        var csr = keySource instanceof KeySource.Csr c ? c.request() : null;
        if (key == null && csr == null) {
            throw new InvalidInputException("this retry needs the original CSR");
        }
        long requestId = pending.id();
        IssuedCertificate issued = acme.issue(request, key, csr, pending.externalRef(),
                orderUrl -> store.recordExternalRef(requestId, orderUrl));
        StoredCertificate stored = store.add(new NewCertificate(reservation.certificateId(),
                CertificateFacts.of(issued.certificate()), Pem.encode(issued.certificate()),
                issued.chain().stream().map(Pem::encode).toList(), request.ownership(), authority.id(),
                CertificateSource.ISSUED, replacesId, reservation.pendingKey(), pending.id(), actor));
        ObjectNode after = Json.object();
        after.put("id", stored.id());
        after.put("authority", authority.name());
        after.put("serial", stored.metadata().serial());
        after.put("notAfter", stored.metadata().notAfter().toString());
        after.put("owner", stored.ownerLabel());
        after.put("acmeOrder", pending.externalRef() == null ? "new" : "resumed");
        audit.record(new AuditEntry(actor, "certificate.issue", "certificate:" + stored.id(), null, after));
        java.util.Optional<io.watchkeeper.certmanager.issuer.RenewalWindow> window = java.util.Optional.empty();
        try {
            window = acme.renewalWindow(stored); // the CA's ARI window when it offers one
        } catch (RuntimeException e) {
            // planned from the lifetime instead
        }
        store.scheduleRenewal(stored.id(), io.watchkeeper.certmanager.rotation.RenewalPlanner.renewAfter(stored.id(),
                stored.metadata().notBefore(), stored.metadata().notAfter(), window));
        return new Result(stored, false);
    }

    private static ObjectNode requestJson(CertificateRequest request, KeySource keySource) {
        ObjectNode node = Json.object();
        if (request.commonName() != null) {
            node.put("commonName", request.commonName());
        }
        node.set("dnsNames", Json.tree(request.dnsNames()));
        node.set("ipAddresses", Json.tree(request.ipAddresses()));
        node.put("keySource", switch (keySource) {
            case KeySource.Generate g -> g.type().id();
            case KeySource.Csr c -> "csr";
        });
        if (request.validity() != null) {
            node.put("validitySeconds", request.validity().toSeconds());
        }
        Ownership o = request.ownership();
        node.put("accountId", o.accountId());
        node.put("ownerUserId", o.userId());
        node.put("teamId", o.teamId());
        return node;
    }
}
