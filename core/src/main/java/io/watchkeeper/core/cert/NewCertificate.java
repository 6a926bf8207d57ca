package io.watchkeeper.core.cert;

import java.util.List;
import java.util.Objects;

/**
 * A certificate to add to the inventory, with its sealed key when Watchkeeper holds it.
 *
 * @param id the id reserved with {@link CertificateStore#nextId()} (the key is sealed to it)
 * @param metadata what was parsed from it
 * @param certificatePem the certificate
 * @param chainPem the issuers above it, nearest first
 * @param ownership account, owning user and team (ids; names are ignored)
 * @param authorityId issuing authority, or null
 * @param source issued, imported or discovered
 * @param replacesId the certificate it replaces (marked {@code REPLACED} in the same transaction), or null
 * @param key its sealed private key, or null (CSR requests, imports without key)
 * @param issuanceRequestId the issuance request it fulfils (marked issued in the same transaction), or null
 * @param actor who adds it
 */
public record NewCertificate(
        long id,
        CertificateMetadata metadata,
        String certificatePem,
        List<String> chainPem,
        Ownership ownership,
        Long authorityId,
        CertificateSource source,
        Long replacesId,
        SealedKey key,
        Long issuanceRequestId,
        String actor) {

    public NewCertificate {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        chainPem = List.copyOf(chainPem == null ? List.of() : chainPem);
    }
}
