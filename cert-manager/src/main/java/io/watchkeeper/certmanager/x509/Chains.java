package io.watchkeeper.certmanager.x509;

import io.watchkeeper.core.model.InvalidInputException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Checks of a certificate chain given leaf first: order, signatures, validity, CA flags. */
public final class Chains {

    private Chains() {}

    /**
     * Throws an {@link InvalidInputException} unless each certificate is signed by the next, the
     * issuers are CAs allowed to sign certificates, and every certificate is valid at {@code now}.
     * The chain may stop before the root; a self-signed last certificate must verify itself.
     */
    public static void verify(List<X509Certificate> chain, Instant now) {
        if (chain.isEmpty()) {
            throw new InvalidInputException("empty certificate chain");
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            String label = i == 0 ? "certificate" : "chain certificate " + i;
            checkValidAt(cert, label, now);
            if (i + 1 < chain.size()) {
                X509Certificate issuer = chain.get(i + 1);
                if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    throw new InvalidInputException("broken chain: " + label + " was issued by '"
                            + cert.getIssuerX500Principal().getName() + "' but the next certificate is '"
                            + issuer.getSubjectX500Principal().getName() + "' (give the chain leaf first, in order)");
                }
                checkIsCa(issuer, "chain certificate " + (i + 1));
                checkSignedBy(cert, issuer, label);
            } else if (cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal()) && i > 0) {
                checkSignedBy(cert, cert, label);
            }
        }
    }

    public static void checkValidAt(X509Certificate cert, String label, Instant now) {
        if (cert.getNotAfter().toInstant().isBefore(now)) {
            throw new InvalidInputException(label + " expired on " + cert.getNotAfter().toInstant());
        }
        if (cert.getNotBefore().after(Date.from(now.plusSeconds(300)))) {
            throw new InvalidInputException(label + " is not valid before " + cert.getNotBefore().toInstant());
        }
    }

    /** Throws unless {@code cert} is a CA (basicConstraints) allowed to sign certificates (keyUsage). */
    public static void checkIsCa(X509Certificate cert, String label) {
        if (cert.getBasicConstraints() < 0) {
            throw new InvalidInputException(label + " is not a CA certificate (basicConstraints CA:FALSE or missing)");
        }
        boolean[] usage = cert.getKeyUsage();
        if (usage != null && !usage[5]) {
            throw new InvalidInputException(label + " may not sign certificates (keyUsage lacks keyCertSign)");
        }
    }

    public static void checkSignedBy(X509Certificate cert, X509Certificate issuer, String label) {
        try {
            cert.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException("broken chain: the signature of " + label + " does not verify with '"
                    + issuer.getSubjectX500Principal().getName() + "'");
        }
    }
}
