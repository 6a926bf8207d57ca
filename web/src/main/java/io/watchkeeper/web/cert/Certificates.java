package io.watchkeeper.web.cert;

import io.watchkeeper.certmanager.CertificateImports;
import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.Revocations;
import io.watchkeeper.certmanager.destination.Deployments;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.rotation.Renewals;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.CertificateDeployment;
import io.watchkeeper.core.cert.CertificateEvent;
import io.watchkeeper.core.cert.CertificateFilter;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The one way people read and change certificates, from the console, the API and the command line:
 * every call checks the caller's role, accounts and ownership ({@link CertificateAccess}); the
 * certificate manager's flows below write the audit log, once per change.
 */
@Service
public class Certificates {

    private final CertificateAccess access;
    private final CertificateStore store;
    private final Issuance issuance;
    private final Renewals renewals;
    private final Revocations revocations;
    private final Deployments deployments;
    private final CertificateImports imports;
    private final IssuanceLimit limit;

    public Certificates(CertificateAccess access, CertificateStore store, Issuance issuance, Renewals renewals,
                        Revocations revocations, Deployments deployments, CertificateImports imports, IssuanceLimit limit) {
        this.access = access;
        this.store = store;
        this.issuance = issuance;
        this.renewals = renewals;
        this.revocations = revocations;
        this.deployments = deployments;
        this.imports = imports;
        this.limit = limit;
    }

    /** List filters by name (an unknown name matches nothing); null fields do not filter. */
    public record Filter(String owner, String team, String account, String authority, CertificateStatus status,
                         Instant expiringBefore, String name, long afterId, int limit) {
        public static Filter all(int limit) {
            return new Filter(null, null, null, null, null, null, null, 0, limit);
        }
    }

    /** A certificate to issue; names are checked by the authority's policy. */
    public record IssueRequest(String authority, String commonName, List<String> dnsNames, List<String> ipAddresses,
                               Duration validity, String account, String owner, String team, String idempotencyKey) {}

    /** What a plain revocation takes off, and the confirmation that names it ({@code <id>:<count>}). */
    public record RevocationPlan(StoredCertificate certificate, List<CertificateDeployment> removals, String confirm) {}

    /** A revocation done: the certificate, the new CRL (internal authorities) and what was removed where. */
    public record Revoked(StoredCertificate certificate, Revocations.PublishedCrl crl, List<Deployments.Result> removed) {}

    /** A certificate with everything its page shows, and what the caller may do with it. */
    public record Details(StoredCertificate certificate, String authority, List<CertificateDeployment> deployments,
                          List<CertificateEvent> events, List<StoredCertificate> lineage, boolean mayRenew,
                          boolean mayRevoke, boolean mayRemoveDeployments) {}

    public List<StoredCertificate> list(Filter f, Caller caller) {
        caller.require(Role.VIEWER);
        return store.list(new CertificateFilter(access.userIdOf(blank(f.owner())), access.teamIdOf(blank(f.team())),
                access.accountIdOf(blank(f.account())), access.authorityIdOf(blank(f.authority()), caller), f.status(),
                f.expiringBefore(), blank(f.name()), f.afterId(), f.limit(), access.visibility(caller)));
    }

    public StoredCertificate get(long id, Caller caller) {
        return access.visible(id, caller);
    }

    public Details details(long id, Caller caller) {
        StoredCertificate c = access.visible(id, caller);
        String authority = c.authorityId() == null ? null : access.authorities(caller).stream()
                .filter(a -> a.id() == c.authorityId()).map(Authority::name).findFirst().orElse("#" + c.authorityId());
        List<StoredCertificate> lineage = new ArrayList<>();
        var visibility = access.visibility(caller);
        for (Long prev = c.replacesId(); prev != null && lineage.size() < 20; ) {
            StoredCertificate p = store.find(prev).filter(x -> visibility.allows(x.ownership())).orElse(null);
            if (p == null) {
                break;
            }
            lineage.addFirst(p);
            prev = p.replacesId();
        }
        for (Long next = c.replacedById(); next != null && lineage.size() < 40; ) {
            StoredCertificate n = store.find(next).filter(x -> visibility.allows(x.ownership())).orElse(null);
            if (n == null) {
                break;
            }
            lineage.add(n);
            next = n.replacedById();
        }
        boolean active = c.status() == CertificateStatus.ACTIVE;
        boolean issued = c.authorityId() != null;
        return new Details(c, authority, deployments.all(id), store.events(id), lineage,
                active && issued && access.mayAct(c, caller, Role.COMMENTER),
                c.status() != CertificateStatus.REVOKED && issued && access.mayAct(c, caller, Role.COMMENTER),
                access.mayAct(c, caller, Role.JUSTIFIER));
    }

    public List<CertificateDeployment> deployments(long id, Caller caller) {
        access.visible(id, caller);
        return deployments.all(id);
    }

    public List<CertificateEvent> events(long id, Caller caller) {
        access.visible(id, caller);
        return store.events(id);
    }

    /**
     * Issues a certificate with a key Watchkeeper makes and keeps sealed ({@code source} Generate), or
     * for the requester's CSR. Idempotency keys are the caller's own: another person's key never
     * returns their certificate.
     */
    public Issuance.Result issue(IssueRequest r, KeySource source, Caller caller) {
        caller.require(Role.COMMENTER);
        if (r.authority() == null || r.authority().isBlank()) {
            throw new InvalidInputException("'authority' is required");
        }
        Authority authority = access.authority(r.authority(), caller);
        Ownership ownership = access.newOwnership(authority, blank(r.account()), blank(r.owner()), blank(r.team()), caller);
        KeyType type = source instanceof KeySource.Generate g ? g.type() : null;
        CertificateRequest request = new CertificateRequest(blank(r.commonName()), r.dnsNames(), r.ipAddresses(), type,
                r.validity(), ownership);
        String given = blank(r.idempotencyKey());
        String key = caller.isCli() ? (given != null ? given : "cli-" + UUID.randomUUID())
                : "u:" + caller.username() + ":" + (given != null ? given : UUID.randomUUID().toString());
        return limit.take(caller, () -> issuance.request(authority.name(), request, source, key, null, caller.actor()),
                Issuance.Result::alreadyIssued);
    }

    /** Imports a certificate issued elsewhere (optionally with its key), owned like an issued one. */
    public StoredCertificate importCertificate(String chainPem, String keyPem, String account, String owner, String team,
                                               Caller caller) {
        caller.require(Role.COMMENTER);
        Ownership ownership = access.newOwnership(null, blank(account), blank(owner), blank(team), caller);
        return imports.importChain(chainPem, keyPem, ownership, caller.actor());
    }

    /** Reissues now with a new key; redeployed and verified wherever the old one was. */
    public StoredCertificate renew(long id, Caller caller) {
        access.actable(id, caller, Role.COMMENTER);
        return limit.take(caller, () -> renewals.renew(id, caller.actor()), c -> false);
    }

    /** Incident response: the replacement first (new key, redeployed), then the revocation. */
    public StoredCertificate revokeAndReplace(long id, RevocationReason reason, Caller caller) {
        access.actable(id, caller, Role.COMMENTER);
        return limit.take(caller, () -> renewals.revokeAndReplace(id, reason, caller.actor()), c -> false);
    }

    /** What a plain revocation of this certificate would take off its destinations. */
    public RevocationPlan revocationPlan(long id, Caller caller) {
        StoredCertificate c = access.actable(id, caller, Role.COMMENTER);
        List<CertificateDeployment> removals = deployments.current(id);
        return new RevocationPlan(c, removals, id + ":" + removals.size());
    }

    /**
     * Revokes at the issuer with an RFC 5280 reason and, having no replacement, takes the certificate
     * off every destination. A deployed certificate needs justifier and {@code confirm} equal to the
     * plan's confirmation ({@code <id>:<number of deployments>}); otherwise nothing happens and the
     * plan comes back as a {@link ConfirmationRequiredException}.
     */
    public Revoked revoke(long id, RevocationReason reason, String confirm, Caller caller) {
        RevocationPlan plan = revocationPlan(id, caller);
        if (!plan.removals().isEmpty()) {
            if (!access.mayAct(plan.certificate(), caller, Role.JUSTIFIER)) {
                throw new AccessDeniedException("certificate " + id + " is deployed in " + plan.removals().size()
                        + " place(s): taking it off its destinations needs the justifier role");
            }
            if (!plan.confirm().equals(confirm)) {
                throw new ConfirmationRequiredException(plan);
            }
        }
        Revocations.PublishedCrl crl = revocations.revoke(id, reason, caller.actor());
        List<Deployments.Result> removed = plan.removals().isEmpty() ? List.of() : deployments.retire(id, caller.actor());
        return new Revoked(store.require(id), crl, removed);
    }

    /** A deployed certificate's revocation was not confirmed: nothing was done. Answered as 409 with the plan. */
    public static final class ConfirmationRequiredException extends RuntimeException {
        private final transient RevocationPlan plan;

        public ConfirmationRequiredException(RevocationPlan plan) {
            super("certificate " + plan.certificate().id() + " is deployed in " + plan.removals().size()
                    + " place(s) and revoking it without a replacement removes it from all of them; confirm with '"
                    + plan.confirm() + "' (or revoke and replace instead)");
            this.plan = plan;
        }

        public RevocationPlan plan() {
            return plan;
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
