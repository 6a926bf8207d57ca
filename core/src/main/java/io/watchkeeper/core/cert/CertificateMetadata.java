package io.watchkeeper.core.cert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What Watchkeeper reads out of an X.509 certificate and stores beside it.
 *
 * @param serial serial number, lower-case hexadecimal without leading zeros
 * @param issuer issuer distinguished name (RFC 4514)
 * @param subject subject distinguished name (RFC 4514)
 * @param commonName subject common name, or null
 * @param dnsNames DNS subject alternative names
 * @param ipAddresses IP address subject alternative names
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param keyAlgorithm public key algorithm ({@code EC}, {@code RSA}, {@code Ed25519})
 * @param keyBits key size (curve size for EC)
 * @param signatureAlgorithm how the issuer signed it ({@code SHA256withECDSA})
 * @param sha256Fingerprint SHA-256 of the DER encoding, lower-case hexadecimal
 * @param ca whether basicConstraints marks it as a CA
 */
public record CertificateMetadata(
        String serial,
        String issuer,
        String subject,
        String commonName,
        List<String> dnsNames,
        List<String> ipAddresses,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        int keyBits,
        String signatureAlgorithm,
        String sha256Fingerprint,
        boolean ca) {

    public CertificateMetadata {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        dnsNames = List.copyOf(dnsNames == null ? List.of() : dnsNames);
        ipAddresses = List.copyOf(ipAddresses == null ? List.of() : ipAddresses);
    }

    /** Whether {@code now} is past {@code notAfter}. */
    public boolean expiredAt(Instant now) {
        return now.isAfter(notAfter);
    }
}
