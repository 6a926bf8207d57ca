package io.watchkeeper.certmanager.acme;

import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.AcmeAccount;
import io.watchkeeper.core.cert.AcmeAccountStore;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityKind;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.AuthoritySpec;
import io.watchkeeper.core.cert.AuthorityStore;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.exception.AcmeException;

/**
 * Registers an ACME authority: checks the directory URL (SSRF rules), creates the account at the CA
 * (with external account binding when the CA requires it — the HMAC key is used once and never
 * stored), keeps the account key sealed as the authority's key, and records the CA's root as the
 * authority certificate (the trust anchor for issued chains and, for a private CA, for its https).
 */
public final class AcmeRegistration {

    /** What a person gives to register an ACME authority. */
    public record Request(String name, String directoryUrl, String caCertificatePem, String directoryTrustPem,
                          String email, String eabKid,
                          String eabHmacKey, List<String> allowedDomains, String profile, boolean allowInternal) {}

    private final AuthorityStore authorities;
    private final AcmeAccountStore accounts;
    private final KeySealer sealer;
    private final AuditLog audit;

    private final AcmeAddressGuard.Network network;

    public AcmeRegistration(AuthorityStore authorities, AcmeAccountStore accounts, KeySealer sealer, AuditLog audit) {
        this(authorities, accounts, sealer, audit, AcmeAddressGuard.Network.SYSTEM);
    }

    /** With {@code network}: how every connection to the CA resolves its host (checked on each connection). */
    public AcmeRegistration(AuthorityStore authorities, AcmeAccountStore accounts, KeySealer sealer, AuditLog audit,
                            AcmeAddressGuard.Network network) {
        this.network = network;
        this.authorities = authorities;
        this.accounts = accounts;
        this.sealer = sealer;
        this.audit = audit;
    }

    public Authority register(Request r, String actor) {
        AuthoritySpec.checkName(r.name());
        if (authorities.findByName(r.name()).isPresent()) {
            throw new InvalidInputException("an authority named '" + r.name() + "' already exists");
        }
        AcmeAddressGuard guard = network.guard(r.allowInternal());
        URI directory = AcmeEndpoint.check(r.directoryUrl(), guard);
        if (r.caCertificatePem() == null || r.caCertificatePem().isBlank()) {
            throw new InvalidInputException("give the CA's root certificate (PEM): it anchors the issued chains");
        }
        X509Certificate root = Pem.certificates(r.caCertificatePem(), "ACME CA root").getFirst();
        if (r.email() != null && !r.email().matches("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,190}")) {
            throw new InvalidInputException("the contact e-mail is malformed");
        }
        if ((r.eabKid() == null) != (r.eabHmacKey() == null)) {
            throw new InvalidInputException("external account binding needs both the key id and the HMAC key");
        }
        AuthorityPolicy policy = new AuthorityPolicy(AuthorityPolicy.defaults().maxValidity(),
                AuthorityPolicy.defaults().defaultValidity(), r.allowedDomains() == null ? List.of() : r.allowedDomains(),
                true, false, AuthorityPolicy.defaults().allowedKeyTypes(), null);
        KeyPair accountKey = Keys.generate(KeyType.EC_P256);
        Session session = AcmeSessions.open(directory, r.directoryTrustPem(), guard);
        Login login;
        try {
            if (session.getMetadata().isExternalAccountRequired() && r.eabKid() == null) {
                throw new InvalidInputException("this CA requires external account binding: give --eab-kid and the HMAC key");
            }
            AccountBuilder builder = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey);
            if (r.email() != null) {
                builder.addEmail(r.email());
            }
            if (r.eabKid() != null) {
                builder.withKeyIdentifier(r.eabKid(), r.eabHmacKey());
            }
            login = builder.createLogin(session);
        } catch (AcmeException | RuntimeException e) {
            if (e instanceof WatchkeeperException w) {
                throw w;
            }
            throw AcmeAddressGuard.refusal(e)
                    .<RuntimeException>map(m -> new WatchkeeperException(ErrorCategory.DENIED, "ACME: " + m, e))
                    .orElseGet(() -> new WatchkeeperException(ErrorCategory.DENIED,
                            "the ACME CA refused the account: " + e.getMessage(), e));
        }
        long id = authorities.nextId();
        Authority authority = authorities.add(new AuthoritySpec(id, r.name(), AuthorityKind.ACME, null,
                CertificateFacts.of(root), Pem.encode(root), List.of(), policy, true,
                sealer.seal(accountKey.getPrivate(), KeyOwner.authority(id)), actor));
        accounts.add(new AcmeAccount(id, directory.toString(), login.getAccountLocation().toString(),
                Pem.encode(accountKey.getPublic()), blankToNull(r.directoryTrustPem()), r.email(),
                r.eabKid(), r.profile(), r.allowInternal()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("directory", directory.toString());
        after.put("account", login.getAccountLocation().toString());
        after.put("eab", r.eabKid() != null);
        audit.record(new AuditEntry(actor, "authority.acme.register", "authority:" + r.name(), null, Json.tree(after)));
        return authority;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
