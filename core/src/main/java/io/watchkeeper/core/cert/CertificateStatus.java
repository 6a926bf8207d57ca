package io.watchkeeper.core.cert;

/** Where a certificate is in its life. Expiry is also derived from {@code notAfter} when read. */
public enum CertificateStatus {
    ACTIVE,
    EXPIRED,
    REVOKED,
    /** A newer certificate of the same lineage took over ({@code replacedBy} says which). */
    REPLACED
}
