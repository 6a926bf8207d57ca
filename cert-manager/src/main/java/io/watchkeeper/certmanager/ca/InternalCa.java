package io.watchkeeper.certmanager.ca;

import io.watchkeeper.certmanager.x509.Chains;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.model.InvalidInputException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The internal CA's operations, pure (no storage): create a root or an intermediate, import an
 * existing CA, sign a leaf for a request within an authority's limits.
 */
public final class InternalCa {

    /** Certificates are back-dated this much for clocks that run slightly behind. */
    public static final Duration BACKDATE = Duration.ofMinutes(1);
    public static final Duration MAX_CA_VALIDITY = Duration.ofDays(365 * 30);
    public static final int MAX_CN_LENGTH = 64;

    private InternalCa() {}

    /** A new self-signed root with a fresh key. */
    public static CaMaterial createRoot(String commonName, KeyType keyType, Duration validity, Instant now) {
        checkCaValidity(validity);
        checkCommonName(commonName);
        KeyPair pair = Keys.generate(keyType);
        X509Certificate cert = CertificateSigner.root(commonName, pair.getPublic(), pair.getPrivate(), now.minus(BACKDATE),
                now.plus(validity));
        return new CaMaterial(cert, List.of(), pair.getPrivate());
    }

    /** A new intermediate with a fresh key, signed by {@code parent}; it may not outlive the parent. */
    public static CaMaterial createIntermediate(CaMaterial parent, String commonName, KeyType keyType, Duration validity,
                                                String parentCrlUrl, Instant now) {
        checkCaValidity(validity);
        checkCommonName(commonName);
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(parent.certificate().getNotAfter().toInstant())) {
            throw new InvalidInputException("the intermediate would outlive its parent (which expires on "
                    + parent.certificate().getNotAfter().toInstant() + "); ask for a shorter validity");
        }
        KeyPair pair = Keys.generate(keyType);
        X509Certificate cert = CertificateSigner.intermediate(parent, commonName, pair.getPublic(), now.minus(BACKDATE),
                notAfter, parentCrlUrl);
        return new CaMaterial(cert, parent.path(), pair.getPrivate());
    }

    /**
     * An existing CA from PEM: its certificate first, then the certificates above it (if any), and
     * its private key. Refused unless the key matches, the certificate is a CA allowed to sign
     * certificates, and the chain verifies and is valid at {@code now}.
     */
    public static CaMaterial importCa(String certificatesPem, String keyPem, Instant now) {
        List<X509Certificate> certs = Pem.certificates(certificatesPem, "CA certificate");
        PrivateKey key = Pem.privateKey(keyPem, "CA key");
        X509Certificate ca = certs.getFirst();
        Chains.checkIsCa(ca, "the certificate");
        Keys.checkAcceptable(ca.getPublicKey(), "the CA key");
        if (!Keys.matches(key, ca.getPublicKey())) {
            throw new InvalidInputException("the private key does not belong to the CA certificate");
        }
        Chains.verify(certs, now);
        if (certs.size() == 1 && !ca.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw new InvalidInputException("the CA certificate is not self-signed: give its chain after it, up to the root");
        }
        if (certs.size() == 1) {
            Chains.checkSignedBy(ca, ca, "the root certificate");
        }
        return new CaMaterial(ca, certs.subList(1, certs.size()), key);
    }

    /**
     * A leaf for {@code request} with {@code subjectKey}, within {@code policy}: names, key type
     * and validity are checked first, and the certificate may not outlive its CA.
     */
    public static X509Certificate issue(CaMaterial ca, AuthorityPolicy policy, CertificateRequest request,
                                        PublicKey subjectKey, Instant now) {
        NamePolicy.CheckedNames names = NamePolicy.check(policy, request);
        NamePolicy.checkKeyType(policy, Keys.typeOf(subjectKey));
        Duration validity = NamePolicy.validity(policy, request.validity());
        Instant notAfter = now.plus(validity);
        Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter)) {
            throw new InvalidInputException("the certificate would outlive its authority (which expires on " + caNotAfter
                    + "); ask for a shorter validity");
        }
        if (now.isAfter(caNotAfter) || now.isBefore(ca.certificate().getNotBefore().toInstant())) {
            throw new InvalidInputException("the authority's certificate is not valid now (" + ca.certificate().getNotBefore()
                    .toInstant() + " to " + caNotAfter + ")");
        }
        return CertificateSigner.leaf(ca, names, subjectKey, now.minus(BACKDATE), notAfter, policy.crlUrl());
    }

    private static void checkCaValidity(Duration validity) {
        if (validity == null || validity.compareTo(Duration.ofHours(1)) < 0 || validity.compareTo(MAX_CA_VALIDITY) > 0) {
            throw new InvalidInputException("a CA's validity must be between 1 hour and " + MAX_CA_VALIDITY.toDays() + " days");
        }
    }

    private static void checkCommonName(String cn) {
        if (cn == null || cn.isBlank() || cn.length() > MAX_CN_LENGTH || !cn.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new InvalidInputException("a CA's common name must be 1-" + MAX_CN_LENGTH + " printable characters");
        }
    }
}
