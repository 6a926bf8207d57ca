package io.watchkeeper.core.cert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A certificate in the inventory.
 *
 * @param id database id
 * @param metadata what was parsed from it
 * @param certificatePem the certificate (PEM)
 * @param chainPem the issuers above it, nearest first (PEM each); may stop before the root
 * @param ownership its account, owning user and team (by id, names filled in)
 * @param authorityId the authority that issued it, or null (imported from elsewhere, discovered)
 * @param source issued, imported or discovered
 * @param status stored status; see {@link #statusAt(Instant)} for expiry
 * @param replacesId the certificate this one replaced, or null
 * @param replacedById the certificate that replaced this one, or null
 * @param hasPrivateKey whether Watchkeeper holds its key (sealed)
 * @param revocation when and why it was revoked, or null
 * @param createdBy actor that issued or imported it
 * @param createdAt when
 */
public record StoredCertificate(
        long id,
        CertificateMetadata metadata,
        String certificatePem,
        List<String> chainPem,
        Ownership ownership,
        Long authorityId,
        CertificateSource source,
        CertificateStatus status,
        Long replacesId,
        Long replacedById,
        boolean hasPrivateKey,
        Revocation revocation,
        String createdBy,
        Instant createdAt) {

    public StoredCertificate {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        chainPem = List.copyOf(chainPem == null ? List.of() : chainPem);
    }

    /** Who owns it, for people (see {@link Ownership#label()}). */
    public String ownerLabel() {
        return ownership.label();
    }

    /** The stored status, or {@code EXPIRED} for an active certificate past its {@code notAfter}. */
    public CertificateStatus statusAt(Instant now) {
        return status == CertificateStatus.ACTIVE && metadata.expiredAt(now) ? CertificateStatus.EXPIRED : status;
    }
}
