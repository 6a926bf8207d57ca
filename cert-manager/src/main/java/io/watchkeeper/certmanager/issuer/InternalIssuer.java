package io.watchkeeper.certmanager.issuer;

import io.watchkeeper.certmanager.ca.CaMaterial;
import io.watchkeeper.certmanager.ca.InternalCa;
import io.watchkeeper.certmanager.x509.Csrs;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityKind;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.InvalidInputException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The internal CA as an {@link Issuer}: signs with the authority's key, in process. */
public final class InternalIssuer implements Issuer {

    private final Authority authority;
    private final CaMaterial ca;
    private final Clock clock;

    public InternalIssuer(Authority authority, CaMaterial ca, Clock clock) {
        this.authority = Objects.requireNonNull(authority, "authority");
        this.ca = Objects.requireNonNull(ca, "ca");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (authority.kind() != AuthorityKind.INTERNAL) {
            throw new IllegalArgumentException("not an internal authority: " + authority.name());
        }
    }

    @Override
    public Authority authority() {
        return authority;
    }

    @Override
    public IssuedCertificate issue(CertificateRequest request, KeySource keySource) {
        PublicKey publicKey;
        PrivateKey privateKey = null;
        switch (keySource) {
            case KeySource.Generate generate -> {
                if (request.keyType() != null && request.keyType() != generate.type()) {
                    throw new IllegalArgumentException("request and key source disagree on the key type");
                }
                io.watchkeeper.certmanager.ca.NamePolicy.checkKeyType(authority.policy(), generate.type());
                io.watchkeeper.certmanager.ca.NamePolicy.check(authority.policy(), request); // before spending on keygen
                KeyPair pair = Keys.generate(generate.type());
                publicKey = pair.getPublic();
                privateKey = pair.getPrivate();
            }
            case KeySource.Csr csr -> publicKey = Csrs.verifiedPublicKey(csr.request());
        }
        X509Certificate cert = InternalCa.issue(ca, authority.policy(), request, publicKey, clock.instant());
        return new IssuedCertificate(cert, ca.path(), privateKey);
    }

    @Override
    public void revoke(StoredCertificate certificate, RevocationReason reason) {
        if (!Objects.equals(certificate.authorityId(), authority.id())
                || !certificate.metadata().issuer().equals(authority.metadata().subject())) {
            throw new InvalidInputException("certificate " + certificate.id() + " was not issued by authority '"
                    + authority.name() + "'");
        }
    }

    @Override
    public Optional<RenewalWindow> renewalWindow(StoredCertificate certificate) {
        return Optional.empty();
    }
}
