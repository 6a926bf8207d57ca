package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.rotation.Renewals;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateDeployment;
import io.watchkeeper.core.cert.CertificateEvent;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.web.cert.AuthorityAdmin;
import io.watchkeeper.web.cert.Certificates;
import io.watchkeeper.web.cert.IssuanceLimit;
import io.watchkeeper.web.security.Callers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates and authorities (metadata and public PEM only — never private keys). Thin over
 * {@link Certificates} and {@link AuthorityAdmin}, which check role, accounts and ownership and audit.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "certificates")
public class CertificatesApi {

    private final Certificates certificates;
    private final AuthorityAdmin authorities;

    public CertificatesApi(Certificates certificates, AuthorityAdmin authorities) {
        this.certificates = certificates;
        this.authorities = authorities;
    }

    /**
     * A certificate to issue with a key Watchkeeper makes and keeps sealed. The owner is the caller
     * (admins may name another user); {@code team} one of the caller's teams; {@code account} one of
     * the caller's accounts (required when the caller has several). The idempotency key makes retries safe.
     */
    public record IssueRequest(String authority, String commonName, List<String> dnsNames, String keyType,
                               Integer validityDays, String owner, String team, String account, String idempotencyKey) {}

    /**
     * An RFC 5280 reason id such as {@code key-compromise}; for a deployed certificate {@code confirm}
     * must name it and its deployments as {@code <id>:<count>} (a 409 answer says what would be removed).
     */
    public record RevokeRequest(String reason, String confirm) {}

    /** A new internal CA; it names its allowed domains or sets {@code allowAnyDomain}. */
    public record AuthorityRequest(String name, String commonName, String parent, String keyType, Integer validityDays,
                                   Integer maxValidityDays, List<String> allowedDomains, Boolean allowAnyDomain,
                                   Boolean allowWildcards, Boolean allowIpAddresses, String crlUrl,
                                   List<String> accounts) {}

    /** The accounts an authority serves. */
    public record AccountsRequest(List<String> accounts) {}

    /** A revocation done, and what was taken off where. */
    public record RevokeResponse(StoredCertificate certificate, List<String> removed) {}

    @PostMapping("/certificates")
    @PreAuthorize("hasRole('COMMENTER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a certificate (internal CA or ACME); the private key never leaves Watchkeeper here")
    public StoredCertificate issue(@RequestBody IssueRequest r) {
        KeyType type = KeyType.fromId(r.keyType() == null ? "ec-p256" : r.keyType());
        return certificates.issue(new Certificates.IssueRequest(r.authority(), r.commonName(), r.dnsNames(), List.of(),
                r.validityDays() == null ? null : Duration.ofDays(r.validityDays()), r.account(), r.owner(), r.team(),
                r.idempotencyKey()), new KeySource.Generate(type), Callers.current()).certificate();
    }

    @PostMapping("/certificates/{id}/renew")
    @PreAuthorize("hasRole('COMMENTER')")
    @Operation(summary = "Reissue now with a new key; redeployed and verified where the certificate was")
    public StoredCertificate renew(@PathVariable long id) {
        return certificates.renew(id, Callers.current());
    }

    @PostMapping("/certificates/{id}/revoke")
    @PreAuthorize("hasRole('COMMENTER')")
    @Operation(summary = "Revoke at the issuer and take the certificate off its destinations (justifier and a "
            + "confirmation when deployed; owners and admins only)")
    public RevokeResponse revoke(@PathVariable long id, @RequestBody RevokeRequest r) {
        Certificates.Revoked done = certificates.revoke(id, reason(r.reason()), r.confirm(), Callers.current());
        return new RevokeResponse(done.certificate(), done.removed().stream()
                .map(x -> (x.verified() ? "" : "FAILED: ") + x.detail()).toList());
    }

    @PostMapping("/certificates/{id}/revoke-and-replace")
    @PreAuthorize("hasRole('COMMENTER')")
    @Operation(summary = "Incident response: issue the replacement (new key, redeployed), then revoke; returns the replacement")
    public StoredCertificate revokeAndReplace(@PathVariable long id, @RequestBody RevokeRequest r) {
        return certificates.revokeAndReplace(id, reason(r.reason()), Callers.current());
    }

    @GetMapping("/certificates")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Certificates in your accounts and teams, id order, keyset pages")
    public ApiPage<StoredCertificate> list(@RequestParam(required = false) String owner,
                                           @RequestParam(required = false) String team,
                                           @RequestParam(required = false) String account,
                                           @RequestParam(required = false) String authority,
                                           @RequestParam(required = false) CertificateStatus status,
                                           @RequestParam(required = false) Instant expiringBefore,
                                           @RequestParam(required = false) String name,
                                           @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor) {
        int size = Cursors.limit(limit, 500);
        Long after = Cursors.id(cursor);
        List<StoredCertificate> page = certificates.list(new Certificates.Filter(owner, team, account, authority, status,
                expiringBefore, name, after == null ? 0 : after, size), Callers.current());
        return new ApiPage<>(page, page.size() == size ? Long.toString(page.getLast().id()) : null);
    }

    @GetMapping("/certificates/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "One certificate")
    public StoredCertificate get(@PathVariable long id) {
        return certificates.get(id, Callers.current());
    }

    @GetMapping("/certificates/{id}/deployments")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Where a certificate is (and was) installed, and whether it was verified there")
    public List<CertificateDeployment> deployments(@PathVariable long id) {
        return certificates.deployments(id, Callers.current());
    }

    @GetMapping("/certificates/{id}/events")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "A certificate's history")
    public List<CertificateEvent> events(@PathVariable long id) {
        return certificates.events(id, Callers.current());
    }

    @GetMapping("/authorities")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Certificate authorities you may use (assigned to your accounts; all when unrestricted)")
    public List<Authority> authorities() {
        return authorities.list(Callers.current());
    }

    @PostMapping("/authorities")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an internal CA (admins of every account); name its domains or allow any domain")
    public Authority createAuthority(@RequestBody AuthorityRequest r) {
        AuthorityPolicy policy = new AuthorityPolicy(r.maxValidityDays() == null ? null : Duration.ofDays(r.maxValidityDays()),
                null, r.allowedDomains(), Boolean.TRUE.equals(r.allowWildcards()), Boolean.TRUE.equals(r.allowIpAddresses()),
                Set.of(), r.crlUrl());
        if (r.name() == null) {
            throw new io.watchkeeper.core.model.InvalidInputException("'name' is required");
        }
        return authorities.create(new AuthorityAdmin.NewAuthority(r.name(), r.commonName(), r.parent(),
                KeyType.fromId(r.keyType() == null ? "ec-p384" : r.keyType()),
                r.validityDays() == null ? null : Duration.ofDays(r.validityDays()), policy,
                Boolean.TRUE.equals(r.allowAnyDomain()), r.accounts()), Callers.current());
    }

    @PutMapping("/authorities/{name}/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Assign an authority to accounts (their users may use it); empty: unrestricted users only")
    public Authority assign(@PathVariable String name, @RequestBody AccountsRequest r) {
        return authorities.assign(name, r.accounts(), Callers.current());
    }

    private static RevocationReason reason(String id) {
        return RevocationReason.fromId(id == null ? "unspecified" : id);
    }

    @ExceptionHandler(Certificates.ConfirmationRequiredException.class)
    ProblemDetail confirm(Certificates.ConfirmationRequiredException e) {
        ProblemDetail p = ApiErrors.problem(HttpStatus.CONFLICT, "Confirmation required", e.getMessage());
        p.setProperty("confirm", e.plan().confirm());
        p.setProperty("wouldRemove", e.plan().removals().stream().map(d -> d.kind() + " " + d.target()).toList());
        return p;
    }

    @ExceptionHandler(IssuanceLimit.LimitReachedException.class)
    ProblemDetail limit(IssuanceLimit.LimitReachedException e) {
        return ApiErrors.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many issuances", e.getMessage());
    }

    @ExceptionHandler(Renewals.RotationUnverifiedException.class)
    ProblemDetail unverified(Renewals.RotationUnverifiedException e) {
        ProblemDetail p = ApiErrors.problem(HttpStatus.BAD_GATEWAY, "Renewed, not verified", e.getMessage());
        p.setProperty("renewed", e.renewed().id());
        return p;
    }
}
