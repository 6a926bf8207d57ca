package io.watchkeeper.certmanager.issuer;

import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import java.util.Optional;

/**
 * Something that issues certificates for one {@link Authority}: the internal CA
 * ({@link InternalIssuer}) now, an ACME CA (acme4j; RFC 8555) next.
 *
 * <p>Issuers do not store anything: the caller ({@code Issuance}) checks idempotency, seals the
 * key and stores the result in one transaction. An issuer whose orders are asynchronous (ACME)
 * records its order URL on the issuance request so that a restarted process resumes the same
 * order instead of placing a second one.
 *
 * <p>Every method refuses hostile input with an
 * {@link io.watchkeeper.core.model.InvalidInputException} before contacting a CA or signing.
 */
public interface Issuer {

    /** The authority this issuer works for. */
    Authority authority();

    /**
     * Issues a certificate for {@code request}: names, key type and validity are checked against
     * the authority's policy, then the key is generated (returned in the result) or taken from a
     * verified CSR (the result carries no key).
     */
    IssuedCertificate issue(CertificateRequest request, KeySource keySource);

    /**
     * Revokes {@code certificate} at the CA with an RFC 5280 reason: the internal CA checks that it
     * issued the certificate (its CRL is then regenerated from the store); ACME calls
     * {@code revokeCert}.
     */
    void revoke(StoredCertificate certificate, RevocationReason reason);

    /**
     * When the CA wants {@code certificate} renewed (ARI, RFC 9773), or empty when it does not say
     * (the scheduler then renews at 2/3 of the lifetime, 1/2 under 10 days, with jitter).
     */
    Optional<RenewalWindow> renewalWindow(StoredCertificate certificate);
}
