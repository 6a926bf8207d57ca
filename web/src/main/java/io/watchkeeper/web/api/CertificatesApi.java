package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityStore;
import io.watchkeeper.core.cert.CertificateFilter;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.web.security.Caller;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Certificates and authorities (read side; metadata and public PEM only — never private keys). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "certificates")
public class CertificatesApi {

    private final CertificateStore certificates;
    private final AuthorityStore authorities;
    private final io.watchkeeper.certmanager.Issuance issuance;
    private final io.watchkeeper.certmanager.Revocations revocations;
    private final io.watchkeeper.certmanager.destination.Deployments deployments;

    public CertificatesApi(CertificateStore certificates, AuthorityStore authorities,
                           io.watchkeeper.certmanager.Issuance issuance, io.watchkeeper.certmanager.Revocations revocations,
                           io.watchkeeper.certmanager.destination.Deployments deployments) {
        this.deployments = deployments;
        this.certificates = certificates;
        this.authorities = authorities;
        this.issuance = issuance;
        this.revocations = revocations;
    }

    /**
     * A certificate to issue with a key Watchkeeper makes and keeps sealed. The owner is the caller
     * (admins may name another owner); the idempotency key makes retries safe.
     */
    public record IssueRequest(String authority, String commonName, List<String> dnsNames, String keyType,
                               Integer validityDays, String owner, String team, String idempotencyKey) {}

    /** An RFC 5280 reason id such as {@code key-compromise} or {@code superseded}. */
    public record RevokeRequest(String reason) {}

    @org.springframework.web.bind.annotation.PostMapping("/certificates")
    @PreAuthorize("hasRole('COMMENTER')")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Issue a certificate (internal CA or ACME); the private key never leaves Watchkeeper here")
    public StoredCertificate issue(@org.springframework.web.bind.annotation.RequestBody IssueRequest r) {
        Caller caller = io.watchkeeper.web.security.Callers.current();
        if (r.authority() == null || r.authority().isBlank()) {
            throw new io.watchkeeper.core.model.InvalidInputException("'authority' is required");
        }
        String owner = r.owner() == null || r.owner().isBlank() ? caller.username() : r.owner().strip();
        if (!owner.equals(caller.username())) {
            caller.require(io.watchkeeper.core.access.Role.ADMIN); // nobody issues in another owner's name
        }
        io.watchkeeper.core.cert.KeyType type = io.watchkeeper.core.cert.KeyType.fromId(
                r.keyType() == null ? "ec-p256" : r.keyType());
        var request = new io.watchkeeper.core.cert.CertificateRequest(r.commonName(), r.dnsNames(), List.of(), type,
                r.validityDays() == null ? null : java.time.Duration.ofDays(r.validityDays()), owner, r.team());
        String key = r.idempotencyKey() == null || r.idempotencyKey().isBlank()
                ? "api:" + java.util.UUID.randomUUID() : r.idempotencyKey();
        return issuance.request(r.authority(), request, new io.watchkeeper.certmanager.issuer.KeySource.Generate(type), key,
                null, caller.actor()).certificate();
    }

    @org.springframework.web.bind.annotation.PostMapping("/certificates/{id}/revoke")
    @PreAuthorize("hasRole('COMMENTER')")
    @Operation(summary = "Revoke a certificate at its issuer (owners and admins only)")
    public StoredCertificate revoke(@PathVariable long id,
                                    @org.springframework.web.bind.annotation.RequestBody RevokeRequest r) {
        Caller caller = io.watchkeeper.web.security.Callers.current();
        StoredCertificate cert = get(id);
        if (!cert.owner().equals(caller.username())) {
            caller.require(io.watchkeeper.core.access.Role.ADMIN); // owners act on their own certificates only
        }
        revocations.revoke(id, io.watchkeeper.core.cert.RevocationReason.fromId(r.reason() == null ? "unspecified"
                : r.reason()), caller.actor());
        deployments.retire(id, caller.actor());
        return get(id);
    }

    @GetMapping("/certificates")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Certificates, id order, keyset pages")
    public ApiPage<StoredCertificate> list(@RequestParam(required = false) String owner,
                                           @RequestParam(required = false) String team,
                                           @RequestParam(required = false) CertificateStatus status,
                                           @RequestParam(required = false) Instant expiringBefore,
                                           @RequestParam(required = false) String name,
                                           @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor) {
        int size = Cursors.limit(limit, 500);
        Long after = Cursors.id(cursor);
        List<StoredCertificate> page = certificates.list(new CertificateFilter(ItemsApi.blank(owner),
                ItemsApi.blank(team), null, status, expiringBefore, ItemsApi.blank(name), after == null ? 0 : after, size));
        return new ApiPage<>(page, page.size() == size ? Long.toString(page.getLast().id()) : null);
    }

    @GetMapping("/certificates/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "One certificate")
    public StoredCertificate get(@PathVariable long id) {
        return certificates.find(id).orElseThrow(Caller.NotVisibleException::new);
    }

    @GetMapping("/authorities")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Certificate authorities")
    public List<Authority> authorities() {
        return authorities.list();
    }
}
