package io.watchkeeper.certmanager.ca;

import io.watchkeeper.certmanager.x509.Keys;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds and signs X.509 v3 certificates with the extensions a CA or a TLS leaf needs. */
public final class CertificateSigner {

    private CertificateSigner() {}

    /** A self-signed root CA certificate (no path length limit). */
    public static X509Certificate root(String commonName, PublicKey publicKey, PrivateKey privateKey, Instant notBefore,
                                       Instant notAfter) {
        X500Name subject = name(commonName);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, Keys.randomSerial(),
                Date.from(notBefore), Date.from(notAfter), subject, publicKey);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(publicKey));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a root certificate", e);
        }
        return sign(builder, privateKey, publicKey);
    }

    /** An intermediate CA certificate signed by {@code issuer} (path length 0: it signs leaves only). */
    public static X509Certificate intermediate(CaMaterial issuer, String commonName, PublicKey publicKey,
                                               Instant notBefore, Instant notAfter, String crlUrl) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), Keys.randomSerial(),
                Date.from(notBefore), Date.from(notAfter), name(commonName), publicKey);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.certificate()));
            addCrlDistributionPoint(builder, crlUrl);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an intermediate certificate", e);
        }
        return sign(builder, issuer.key(), issuer.certificate().getPublicKey());
    }

    /** A TLS server/client leaf certificate signed by {@code issuer}. */
    public static X509Certificate leaf(CaMaterial issuer, NamePolicy.CheckedNames names, PublicKey publicKey,
                                       Instant notBefore, Instant notAfter, String crlUrl) {
        BigInteger serial = Keys.randomSerial();
        X500Name subject = names.commonName() == null ? new X500Name(new org.bouncycastle.asn1.x500.RDN[0])
                : name(names.commonName());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serial,
                Date.from(notBefore), Date.from(notAfter), subject, publicKey);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature | ("RSA".equals(publicKey.getAlgorithm()) ? KeyUsage.keyEncipherment : 0);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            List<GeneralName> sans = new ArrayList<>();
            names.dnsNames().forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
            for (InetAddress ip : names.ipAddresses()) {
                sans.add(new GeneralName(GeneralName.iPAddress, ip.getHostAddress()));
            }
            // RFC 5280 4.2.1.6: critical when the subject is empty
            builder.addExtension(Extension.subjectAlternativeName, names.commonName() == null,
                    new GeneralNames(sans.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.certificate()));
            addCrlDistributionPoint(builder, crlUrl);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a certificate", e);
        }
        return sign(builder, issuer.key(), issuer.certificate().getPublicKey());
    }

    /** The signature algorithm for a CA key: SHA-256/384/512 with ECDSA by curve size, SHA-256 with RSA. */
    public static String signatureAlgorithm(PublicKey caKey) {
        if (caKey instanceof ECPublicKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits <= 256 ? "SHA256withECDSA" : bits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
        }
        return switch (caKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("cannot sign with a " + caKey.getAlgorithm() + " key");
        };
    }

    private static void addCrlDistributionPoint(X509v3CertificateBuilder builder, String crlUrl) throws CertIOException {
        if (crlUrl == null) {
            return;
        }
        GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(where), null, null)}));
    }

    static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, PublicKey caPublicKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm(caPublicKey)).build(key)));
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }
}
