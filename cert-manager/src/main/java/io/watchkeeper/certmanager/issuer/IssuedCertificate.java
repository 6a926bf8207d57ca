package io.watchkeeper.certmanager.issuer;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What an issuer returns: the certificate, its chain (issuers nearest first, up to the root when
 * known) and the private key when the issuer generated it (null for CSR requests).
 */
public record IssuedCertificate(X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain == null ? List.of() : chain);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + ", serial "
                + certificate.getSerialNumber().toString(16) + "]"; // never the key
    }
}
