package io.watchkeeper.certmanager;

import io.watchkeeper.certmanager.ca.CrlBuilder;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityStore;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.Revocation;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revocation at the issuer with an RFC 5280 reason, and CRL publishing: each revocation by an
 * internal authority signs a new CRL (next CRL number) and writes it to the CRL folder.
 */
public final class Revocations {

    /** A signed CRL and where it was written (null when no folder is configured). */
    public record PublishedCrl(X509CRL crl, long number, Path file) {}

    private final Authorities authorities;
    private final AuthorityStore authorityStore;
    private final CertificateStore store;
    private final AuditLog audit;
    private final Path crlDirectory;
    private final Duration crlLifetime;
    private final Clock clock;

    /**
     * @param crlDirectory where {@code <authority>.crl} (DER) is written after each change, or null
     * @param crlLifetime time from a CRL's thisUpdate to its nextUpdate
     */
    public Revocations(Authorities authorities, AuthorityStore authorityStore, CertificateStore store, AuditLog audit,
                       Path crlDirectory, Duration crlLifetime, Clock clock) {
        this.authorities = Objects.requireNonNull(authorities, "authorities");
        this.authorityStore = Objects.requireNonNull(authorityStore, "authorityStore");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.crlDirectory = crlDirectory;
        this.crlLifetime = crlLifetime == null ? CrlBuilder.DEFAULT_LIFETIME : crlLifetime;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Revokes a certificate at its issuer (internal CA or ACME CA) with an RFC 5280 reason; for an
     * internal authority also publishes its new CRL (null for ACME).
     */
    public PublishedCrl revoke(long certificateId, RevocationReason reason, String actor) {
        StoredCertificate cert = store.require(certificateId);
        if (cert.authorityId() == null) {
            throw new InvalidInputException("certificate " + certificateId
                    + " was not issued by a Watchkeeper authority; revoke it at the CA that issued it");
        }
        Authority authority = authorityStore.findById(cert.authorityId()).orElseThrow();
        authorities.issuer(authority).revoke(cert, reason);
        StoredCertificate revoked = store.revoke(certificateId, new Revocation(clock.instant(), reason, actor));
        ObjectNode before = Json.object().put("status", cert.status().name());
        ObjectNode after = Json.object().put("status", revoked.status().name()).put("reason", reason.id())
                .put("serial", revoked.metadata().serial()).put("authority", authority.name());
        audit.record(new AuditEntry(actor, "certificate.revoke", "certificate:" + certificateId, before, after));
        // an ACME CA publishes its own revocation status; internal authorities publish a new CRL here
        return authority.kind() == io.watchkeeper.core.cert.AuthorityKind.ACME ? null : publish(authority, actor);
    }

    /** Signs the authority's current CRL (a new CRL number), writes it to the CRL folder and audits it. */
    public PublishedCrl publish(Authority authority, String actor) {
        var material = authorities.material(authority);
        long number = authorityStore.nextCrlNumber(authority.id());
        X509CRL crl = CrlBuilder.build(material, store.revokedBy(authority.id()), number, clock.instant(), crlLifetime);
        Path file = crlDirectory == null ? null : write(authority.name(), CrlBuilder.der(crl));
        audit.record(new AuditEntry(actor, "authority.crl.publish", "authority:" + authority.name(), null,
                Json.object().put("crlNumber", number).put("entries", crl.getRevokedCertificates() == null ? 0
                        : crl.getRevokedCertificates().size()).put("file", file == null ? null : file.toString())));
        return new PublishedCrl(crl, number, file);
    }

    private Path write(String name, byte[] der) {
        try {
            Files.createDirectories(crlDirectory);
            Path target = crlDirectory.resolve(name + ".crl");
            Path temp = crlDirectory.resolve(name + ".crl.tmp");
            Files.write(temp, der);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CRL of " + name + " to " + crlDirectory, e);
        }
    }
}
