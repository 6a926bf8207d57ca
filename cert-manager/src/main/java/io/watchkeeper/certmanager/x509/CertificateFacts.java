package io.watchkeeper.certmanager.x509;

import io.watchkeeper.core.cert.CertificateMetadata;
import io.watchkeeper.core.model.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Reads a certificate's metadata. */
public final class CertificateFacts {

    private CertificateFacts() {}

    public static CertificateMetadata of(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2) {
                        dns.add(String.valueOf(san.get(1)));
                    } else if (type == 7) {
                        ips.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new InvalidInputException("unreadable subject alternative names (" + Pem.reason(e) + ")");
        }
        return new CertificateMetadata(
                cert.getSerialNumber().toString(16),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                commonName(cert.getSubjectX500Principal()),
                dns,
                ips,
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                Keys.algorithm(cert.getPublicKey()),
                Keys.bits(cert.getPublicKey()),
                cert.getSigAlgName(),
                fingerprint(cert),
                cert.getBasicConstraints() >= 0);
    }

    /** SHA-256 of the DER encoding, lower-case hexadecimal. */
    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String commonName(X500Principal principal) {
        RDN[] cns = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
        return cns.length == 0 ? null : IETFUtils.valueToString(cns[0].getFirst().getValue());
    }
}
