package io.watchkeeper.certmanager.x509;

import io.watchkeeper.core.model.InvalidInputException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** PKCS#10 certificate signing requests: signature check, public key, requested names. */
public final class Csrs {

    /** The names a CSR asks for. */
    public record RequestedNames(String commonName, List<String> dnsNames, List<String> ipAddresses) {}

    private Csrs() {}

    /** The CSR's public key once its self-signature verifies (proof the requester holds the key). */
    public static PublicKey verifiedPublicKey(PKCS10CertificationRequest csr) {
        PublicKey key;
        try {
            key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
        } catch (Exception e) {
            throw new InvalidInputException("unreadable CSR public key (" + Pem.reason(e) + ")");
        }
        boolean valid;
        try {
            valid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidInputException("the CSR's signature does not verify (not signed by its own key)");
        }
        return key;
    }

    /** The common name and subject alternative names in the CSR (bounded by the PEM size limit). */
    public static RequestedNames names(PKCS10CertificationRequest csr) {
        RDN[] cns = csr.getSubject().getRDNs(BCStyle.CN);
        String cn = cns.length == 0 ? null : IETFUtils.valueToString(cns[0].getFirst().getValue());
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            for (var attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
                GeneralNames sans = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
                if (sans == null) {
                    continue;
                }
                for (GeneralName name : sans.getNames()) {
                    if (name.getTagNo() == GeneralName.dNSName) {
                        dns.add(name.getName().toString());
                    } else if (name.getTagNo() == GeneralName.iPAddress) {
                        byte[] raw = org.bouncycastle.asn1.DEROctetString.getInstance(name.getName()).getOctets();
                        ips.add(java.net.InetAddress.getByAddress(raw).getHostAddress());
                    }
                }
            }
        } catch (Exception e) {
            throw new InvalidInputException("unreadable CSR extensions (" + Pem.reason(e) + ")");
        }
        return new RequestedNames(cn, dns, ips);
    }
}
