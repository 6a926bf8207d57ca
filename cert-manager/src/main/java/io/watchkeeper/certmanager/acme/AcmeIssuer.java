package io.watchkeeper.certmanager.acme;

import io.watchkeeper.certmanager.ca.NamePolicy;
import io.watchkeeper.certmanager.issuer.IssuedCertificate;
import io.watchkeeper.certmanager.issuer.Issuer;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.issuer.RenewalWindow;
import io.watchkeeper.certmanager.x509.Csrs;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.AcmeAccount;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import java.net.URI;
import java.net.URL;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.connector.Resource;
import org.shredzone.acme4j.exception.AcmeException;

/**
 * Issues certificates from an ACME CA. Names are checked against the authority's policy before
 * the CA is contacted; each authorization is answered by the configured {@link ChallengeSolver};
 * the order URL is handed to the caller as soon as the order exists, and an order URL handed back
 * resumes that order instead of placing a new one (so a crash never makes a second certificate).
 */
public final class AcmeIssuer implements Issuer {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Authority authority;
    private final AcmeAccount account;
    private final Login login;
    private final ChallengeSolver solver;

    public AcmeIssuer(Authority authority, AcmeAccount account, KeyPair accountKey, ChallengeSolver solver) {
        this(authority, account, accountKey, solver, AcmeAddressGuard.Network.SYSTEM);
    }

    /** With {@code network}: how every connection to the CA resolves its host (checked on each connection). */
    public AcmeIssuer(Authority authority, AcmeAccount account, KeyPair accountKey, ChallengeSolver solver,
                      AcmeAddressGuard.Network network) {
        this.authority = authority;
        this.account = account;
        AcmeAddressGuard guard = network.guard(account.allowInternal());
        Session session = AcmeSessions.open(AcmeEndpoint.check(account.directoryUrl(), guard),
                account.directoryTrustPem(), guard);
        this.login = session.login(url(account.accountUrl()), accountKey);
        this.solver = solver;
    }

    @Override
    public Authority authority() {
        return authority;
    }

    @Override
    public IssuedCertificate issue(CertificateRequest request, KeySource keySource) {
        KeyPair key = keySource instanceof KeySource.Generate g ? Keys.generate(g.type()) : null;
        PKCS10CertificationRequest csr = keySource instanceof KeySource.Csr c ? c.request() : null;
        return issue(request, key, csr, null, ref -> { });
    }

    /**
     * Issues with a key made (and kept sealed) by the caller, or a requester's CSR.
     *
     * @param domainKey the new certificate's key pair, or null with {@code csr}
     * @param existingOrder the order URL recorded by an earlier attempt, or null
     * @param orderPlaced told the order URL before the order is finalised
     */
    public IssuedCertificate issue(CertificateRequest request, KeyPair domainKey, PKCS10CertificationRequest csr,
                                   String existingOrder, Consumer<String> orderPlaced) {
        List<String> names = names(request, domainKey, csr);
        try {
            Order order = existingOrder == null ? null : login.bindOrder(url(existingOrder));
            if (order != null) {
                order.fetch();
            }
            if (order == null || order.getStatus() == Status.INVALID) {
                OrderBuilder builder = login.newOrder().domains(names);
                if (account.profile() != null) {
                    if (!login.getSession().getMetadata().isProfileAllowed(account.profile())) {
                        throw new InvalidInputException("the CA does not offer the profile '" + account.profile() + "'");
                    }
                    builder.profile(account.profile());
                }
                order = builder.create();
                orderPlaced.accept(order.getLocation().toString());
            }
            if (order.getStatus() == Status.PENDING) {
                for (Authorization auth : order.getAuthorizations()) {
                    authorize(auth);
                }
                order.waitUntilReady(TIMEOUT);
            }
            if (order.getStatus() == Status.READY) {
                if (csr != null) {
                    order.execute(csr);
                } else {
                    order.execute(domainKey);
                }
            }
            if (order.getStatus() != Status.VALID) {
                order.waitForCompletion(TIMEOUT);
            }
            if (order.getStatus() != Status.VALID) {
                throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "the ACME order ended "
                        + order.getStatus() + order.getError().map(p -> ": " + p.getDetail().orElse("")).orElse(""));
            }
            Certificate certificate = order.getCertificate();
            X509Certificate leaf = certificate.getCertificate();
            PublicKey expected = domainKey != null ? domainKey.getPublic() : Csrs.verifiedPublicKey(csr);
            if (!leaf.getPublicKey().equals(expected)) {
                throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE,
                        "the CA returned a certificate for another key (resumed order with a lost key?)");
            }
            List<X509Certificate> chain = certificate.getCertificateChain();
            PrivateKey privateKey = domainKey == null ? null : domainKey.getPrivate();
            return new IssuedCertificate(leaf, chain.subList(1, chain.size()), privateKey);
        } catch (AcmeException | RuntimeException e) {
            throw failure("ACME: ", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "interrupted while waiting for the ACME CA", e);
        }
    }

    private void authorize(Authorization auth) throws AcmeException, InterruptedException {
        if (auth.getStatus() == Status.VALID) {
            return;
        }
        String domain = auth.getIdentifier().getDomain();
        Optional<Challenge> challenge = auth.findChallenge(solver.type());
        if (challenge.isEmpty()) {
            throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "the CA offers no " + solver.type()
                    + " challenge for " + domain);
        }
        solver.present(domain, challenge.get());
        try {
            challenge.get().trigger();
            Status status = challenge.get().waitForCompletion(TIMEOUT);
            if (status != Status.VALID) {
                throw new WatchkeeperException(ErrorCategory.DENIED, solver.type() + " validation of " + domain
                        + " failed" + challenge.get().getError().map(p -> ": " + p.getDetail().orElse("")).orElse(""));
            }
        } finally {
            solver.cleanup(domain, challenge.get());
        }
    }

    private List<String> names(CertificateRequest request, KeyPair domainKey, PKCS10CertificationRequest csr) {
        if (!request.ipAddresses().isEmpty()) {
            throw new InvalidInputException("ACME orders here are for DNS names only");
        }
        if (domainKey != null) {
            NamePolicy.checkKeyType(authority.policy(), Keys.typeOf(domainKey.getPublic()));
        }
        NamePolicy.CheckedNames checked = NamePolicy.check(authority.policy(), request);
        List<String> names = new ArrayList<>();
        if (checked.commonName() != null && !checked.dnsNames().contains(checked.commonName())) {
            names.add(checked.commonName());
        }
        names.addAll(checked.dnsNames());
        if (names.isEmpty()) {
            throw new InvalidInputException("an ACME certificate needs at least one DNS name");
        }
        return names;
    }

    @Override
    public void revoke(StoredCertificate certificate, RevocationReason reason) {
        try {
            Certificate.revoke(login, Pem.certificates(certificate.certificatePem(), "stored certificate").getFirst(),
                    org.shredzone.acme4j.RevocationReason.code(reason.code()));
        } catch (AcmeException | RuntimeException e) {
            throw failure("ACME revocation failed: ", e);
        }
    }

    @Override
    public Optional<RenewalWindow> renewalWindow(StoredCertificate certificate) {
        try {
            if (login.getSession().resourceUrlOptional(Resource.RENEWAL_INFO).isEmpty()) {
                return Optional.empty(); // the CA does not offer ARI
            }
            RenewalInfo info = login.bindRenewalInfo(Pem.certificates(certificate.certificatePem(), "stored certificate")
                    .getFirst());
            Optional<Instant> retryAt = info.fetch();
            Duration retry = retryAt.map(t -> Duration.between(Instant.now(), t)).filter(d -> !d.isNegative()).orElse(null);
            URI explanation = info.getExplanation().map(u -> {
                try {
                    return u.toURI();
                } catch (java.net.URISyntaxException e) {
                    return null;
                }
            }).orElse(null);
            return Optional.of(new RenewalWindow(info.getSuggestedWindowStart(), info.getSuggestedWindowEnd(), retry,
                    explanation));
        } catch (AcmeException | RuntimeException e) {
            throw failure("ACME renewal information: ", e);
        }
    }

    /** A refused address is said as such (DENIED); other ACME failures are UNAVAILABLE; ours pass unchanged. */
    static RuntimeException failure(String prefix, Exception e) {
        java.util.Optional<String> refused = AcmeAddressGuard.refusal(e);
        if (refused.isPresent()) {
            return new WatchkeeperException(ErrorCategory.DENIED, prefix + refused.get(), e);
        }
        if (e instanceof WatchkeeperException w) {
            return w;
        }
        return new WatchkeeperException(ErrorCategory.UNAVAILABLE, prefix + e.getMessage(), e);
    }

    static URL url(String text) {
        try {
            return URI.create(text).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "malformed ACME URL");
        }
    }
}
