package io.watchkeeper.core.cert;

/** How a certificate came into the inventory. */
public enum CertificateSource {
    /** Issued by one of Watchkeeper's authorities. */
    ISSUED,
    /** Imported by a person (PEM, optionally with its key). */
    IMPORTED,
    /** Seen in a cloud service or on a TLS endpoint. */
    DISCOVERED
}
