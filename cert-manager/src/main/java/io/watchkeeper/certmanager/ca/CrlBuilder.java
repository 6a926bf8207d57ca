package io.watchkeeper.certmanager.ca;

import io.watchkeeper.core.cert.RevokedSerial;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs an authority's CRL (RFC 5280 v2, with CRL number, authority key id and reason codes). */
public final class CrlBuilder {

    /** How long a CRL is current ({@code nextUpdate - thisUpdate}). */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);

    private CrlBuilder() {}

    public static X509CRL build(CaMaterial ca, List<RevokedSerial> revoked, long crlNumber, Instant now, Duration lifetime) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate().getSubjectX500Principal(), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(lifetime)));
            for (RevokedSerial r : revoked) {
                builder.addCRLEntry(new BigInteger(r.serial(), 16), Date.from(r.revokedAt()), r.reason().code());
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(
                    CertificateSigner.signatureAlgorithm(ca.certificate().getPublicKey())).build(ca.key())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the CRL of " + ca, e);
        }
    }

    /** DER bytes of {@code crl}. */
    public static byte[] der(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }
}
