package io.watchkeeper.certmanager.rotation;

import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.Revocations;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityStore;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.CertificateSource;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renewing certificates: one at a time, the due ones in a sweep, and
 * revoke-and-replace for incidents. A renewal reissues the same names from the same authority with
 * a NEW key under the idempotency key {@code renew:<id>:<serial>}, so a crash or a second node
 * retrying the same renewal never produces two certificates; the new certificate replaces the old
 * one (which becomes REPLACED) and gets its own renewal time.
 */
public final class Renewals {

    /** The outcome of one renewal in a sweep. */
    public record Outcome(long certificateId, Long newCertificateId, String error) {}

    private final CertificateStore store;
    private final AuthorityStore authorityStore;
    private final Issuance issuance;
    private final Revocations revocations;
    private final AuditLog audit;
    private final Clock clock;

    private final io.watchkeeper.certmanager.destination.Deployments deployments;

    public Renewals(CertificateStore store, AuthorityStore authorityStore, Issuance issuance, Revocations revocations,
                    AuditLog audit, Clock clock) {
        this(store, authorityStore, issuance, revocations, audit, clock, null);
    }

    /** With {@code deployments}, a renewal is installed wherever the old certificate was, and verified there. */
    public Renewals(CertificateStore store, AuthorityStore authorityStore, Issuance issuance, Revocations revocations,
                    AuditLog audit, Clock clock, io.watchkeeper.certmanager.destination.Deployments deployments) {
        this.deployments = deployments;
        this.store = store;
        this.authorityStore = authorityStore;
        this.issuance = issuance;
        this.revocations = revocations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Renews one certificate (who may is decided by the caller of this class: the web service checks
     * role, accounts and ownership; the scheduler renews what is due).
     */
    public StoredCertificate renew(long certificateId, String actor) {
        StoredCertificate old = renewable(certificateId);
        Authority authority = authorityStore.findById(old.authorityId()).orElseThrow();
        KeyType type = KeyType.of(old.metadata().keyAlgorithm(), old.metadata().keyBits());
        // the same lifetime, never above the authority's maximum (notBefore is backdated a little, so an
        // at-the-maximum certificate would otherwise never renew)
        Duration lifetime = Duration.between(old.metadata().notBefore(), old.metadata().notAfter());
        if (lifetime.compareTo(authority.policy().maxValidity()) > 0) {
            lifetime = authority.policy().maxValidity();
        }
        CertificateRequest request = new CertificateRequest(old.metadata().commonName(), old.metadata().dnsNames(),
                old.metadata().ipAddresses(), type, lifetime, old.ownership());
        StoredCertificate renewed = issuance.request(authority.name(), request, new KeySource.Generate(type),
                "renew:" + old.id() + ":" + old.metadata().serial(), old.id(), actor).certificate();
        if (deployments != null) {
            List<String> unverified = deployments.redeploy(old, renewed, actor).stream().filter(r -> !r.verified())
                    .map(r -> r.deployment().target() + ": " + r.detail()).toList();
            if (!unverified.isEmpty()) {
                throw new RotationUnverifiedException(renewed, unverified);
            }
        }
        return renewed; // Issuance planned its renewal (ARI window or lifetime)
    }

    /** Renews every certificate due now (at most {@code limit}); one failure does not stop the others. */
    public List<Outcome> sweep(int limit, String actor) {
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : store.dueForRenewal(clock.instant(), limit)) {
            try {
                outcomes.add(new Outcome(id, renew(id, actor).id(), null));
            } catch (RotationUnverifiedException e) {
                outcomes.add(new Outcome(id, e.renewed().id(), e.getMessage()));
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                store.recordEvent(id, "renewal-failed", actor, Json.tree(Map.of("error", message)));
                outcomes.add(new Outcome(id, null, message));
            }
        }
        return outcomes;
    }

    /** Due certificates without renewing them (a dry run). */
    public List<Long> due(int limit) {
        return store.dueForRenewal(clock.instant(), limit);
    }

    /**
     * For incidents: revokes the certificate at its issuer with {@code reason} and issues its
     * replacement with a new key in one call.
     */
    public StoredCertificate revokeAndReplace(long certificateId, RevocationReason reason, String actor) {
        StoredCertificate old = renewable(certificateId);
        StoredCertificate replacement = renew(certificateId, actor);
        revocations.revoke(old.id(), reason, actor);
        audit.record(new AuditEntry(actor, "certificate.revoke-and-replace", "certificate:" + old.id(), null,
                Json.tree(Map.of("replacement", replacement.id(), "reason", reason.id()))));
        return replacement;
    }

    /** Renewed, but not verified at every target: the owner must look (recorded on the old certificate). */
    public static final class RotationUnverifiedException extends RuntimeException {
        private final transient StoredCertificate renewed;

        RotationUnverifiedException(StoredCertificate renewed, List<String> targets) {
            super("renewed as certificate " + renewed.id() + " but not verified at: " + String.join("; ", targets));
            this.renewed = renewed;
        }

        public StoredCertificate renewed() {
            return renewed;
        }
    }

    private StoredCertificate renewable(long certificateId) {
        StoredCertificate old = store.require(certificateId);
        if (old.source() != CertificateSource.ISSUED || old.authorityId() == null) {
            throw new InvalidInputException("certificate " + certificateId + " was not issued by a Watchkeeper authority");
        }
        if (old.status() != CertificateStatus.ACTIVE) {
            throw new InvalidInputException("certificate " + certificateId + " is " + old.status().name().toLowerCase()
                    + "; only active certificates are renewed");
        }
        return old;
    }
}
