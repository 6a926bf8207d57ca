package io.watchkeeper.certmanager;

import io.watchkeeper.certmanager.ca.CaMaterial;
import io.watchkeeper.certmanager.ca.InternalCa;
import io.watchkeeper.certmanager.issuer.InternalIssuer;
import io.watchkeeper.certmanager.issuer.Issuer;
import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityKind;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.AuthoritySpec;
import io.watchkeeper.core.cert.AuthorityStore;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.KeyVault;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/** Creating, importing and opening certificate authorities; every creation is audited. */
public final class Authorities {

    private final AuthorityStore store;
    private final KeyVault vault;
    private final KeySealer sealer;
    private final AuditLog audit;
    private final Clock clock;

    private final io.watchkeeper.certmanager.acme.AcmeIssuers acme;

    public Authorities(AuthorityStore store, KeyVault vault, KeySealer sealer, AuditLog audit, Clock clock) {
        this(store, vault, sealer, audit, clock, null);
    }

    /** With ACME support ({@code acme} opens the issuer of an ACME authority). */
    public Authorities(AuthorityStore store, KeyVault vault, KeySealer sealer, AuditLog audit, Clock clock,
                       io.watchkeeper.certmanager.acme.AcmeIssuers acme) {
        this.acme = acme;
        this.store = Objects.requireNonNull(store, "store");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A new root CA with a fresh key.
     *
     * @param anyDomain true to let it certify any domain; otherwise the policy must name its allowed domains
     */
    public Authority createRoot(String name, String commonName, KeyType keyType, Duration validity, AuthorityPolicy policy,
                                boolean anyDomain, String actor) {
        checkFree(name);
        checkDomains(policy, anyDomain);
        CaMaterial ca = InternalCa.createRoot(commonName, keyType, validity, clock.instant());
        return save(name, null, ca, policy, false, actor, "authority.create");
    }

    /** A new intermediate CA signed by the internal authority {@code parentName}. */
    public Authority createIntermediate(String name, String parentName, String commonName, KeyType keyType,
                                        Duration validity, AuthorityPolicy policy, boolean anyDomain, String actor) {
        checkFree(name);
        checkDomains(policy, anyDomain);
        Authority parent = store.require(parentName);
        CaMaterial ca = InternalCa.createIntermediate(material(parent), commonName, keyType, validity,
                parent.policy().crlUrl(), clock.instant());
        return save(name, parent.id(), ca, policy, false, actor, "authority.create");
    }

    /** An existing CA (certificate with its chain, and its key), validated before anything is stored. */
    public Authority importCa(String name, String certificatesPem, String keyPem, AuthorityPolicy policy,
                              boolean anyDomain, String actor) {
        checkFree(name);
        checkDomains(policy, anyDomain);
        CaMaterial ca = InternalCa.importCa(certificatesPem, keyPem, clock.instant());
        Long parentId = ca.chain().isEmpty() ? null : store.list().stream()
                .filter(a -> a.metadata().sha256Fingerprint().equals(CertificateFacts.fingerprint(ca.chain().getFirst())))
                .map(Authority::id).findFirst().orElse(null);
        return save(name, parentId, ca, policy, true, actor, "authority.import");
    }

    public List<Authority> list() {
        return store.list();
    }

    public Authority require(String name) {
        return store.require(name);
    }

    /** The CA certificate, chain and unsealed key of an internal authority (memory only). */
    public CaMaterial material(Authority authority) {
        if (authority.kind() != AuthorityKind.INTERNAL) {
            throw new InvalidInputException("authority '" + authority.name() + "' is not an internal CA");
        }
        KeyOwner owner = KeyOwner.authority(authority.id());
        var sealed = vault.find(owner).orElseThrow(() -> new WatchkeeperException(ErrorCategory.INTERNAL,
                "the key of authority '" + authority.name() + "' is missing"));
        X509Certificate cert = Pem.certificates(authority.certificatePem(), "stored CA certificate").getFirst();
        List<X509Certificate> chain = authority.chainPem().stream()
                .map(p -> Pem.certificates(p, "stored CA chain").getFirst()).toList();
        return new CaMaterial(cert, chain, sealer.open(sealed, owner));
    }

    /** The issuer for an authority: the internal CA, or the ACME CA's account. */
    public Issuer issuer(Authority authority) {
        return switch (authority.kind()) {
            case INTERNAL -> new InternalIssuer(authority, material(authority), clock);
            case ACME -> {
                if (acme == null) {
                    throw new InvalidInputException("ACME is not configured on this node");
                }
                yield acme.open(authority);
            }
        };
    }

    /**
     * Assigns an authority to accounts: their users may see it and issue from it, for certificates of
     * those accounts. Empty: unrestricted users only.
     */
    public Authority assign(String name, java.util.Set<Long> accountIds, String actor) {
        Authority before = store.require(name);
        store.setAccounts(before.id(), accountIds);
        Authority after = store.findById(before.id()).orElseThrow();
        audit.record(new AuditEntry(actor, "authority.assign", "authority:" + name,
                Json.object().set("accounts", Json.tree(before.accountIds().stream().sorted().toList())),
                Json.object().set("accounts", Json.tree(after.accountIds().stream().sorted().toList()))));
        return after;
    }

    /** An internal CA names the domains it may certify, or is explicitly allowed any domain. */
    static void checkDomains(AuthorityPolicy policy, boolean anyDomain) {
        if (policy.allowedDomains().isEmpty() && !anyDomain) {
            throw new InvalidInputException("name the domains this authority may certify (--allow-domain corp.example) "
                    + "or allow any domain explicitly (--allow-any-domain)");
        }
        if (!policy.allowedDomains().isEmpty() && anyDomain) {
            throw new InvalidInputException("give either allowed domains or 'any domain', not both");
        }
    }

    private void checkFree(String name) {
        AuthoritySpec.checkName(name);
        if (store.findByName(name).isPresent()) {
            throw new InvalidInputException("an authority named '" + name + "' already exists");
        }
    }

    private Authority save(String name, Long parentId, CaMaterial ca, AuthorityPolicy policy, boolean imported,
                           String actor, String action) {
        long id = store.nextId();
        Authority authority = store.add(new AuthoritySpec(id, name, AuthorityKind.INTERNAL, parentId,
                CertificateFacts.of(ca.certificate()), Pem.encode(ca.certificate()),
                ca.chain().stream().map(Pem::encode).toList(), policy, imported,
                sealer.seal(ca.key(), KeyOwner.authority(id)), actor));
        audit.record(new AuditEntry(actor, action, "authority:" + name, null, view(authority)));
        return authority;
    }

    static ObjectNode view(Authority a) {
        ObjectNode node = Json.object();
        node.put("name", a.name());
        node.put("subject", a.metadata().subject());
        node.put("serial", a.metadata().serial());
        node.put("fingerprint", a.metadata().sha256Fingerprint());
        node.put("notAfter", a.metadata().notAfter().toString());
        node.put("keyAlgorithm", a.metadata().keyAlgorithm());
        node.put("keyBits", a.metadata().keyBits());
        node.put("maxValidityDays", a.policy().maxValidity().toDays());
        node.set("allowedDomains", Json.tree(a.policy().allowedDomains()));
        node.put("wildcardsAllowed", a.policy().wildcardsAllowed());
        node.put("ipAddressesAllowed", a.policy().ipAddressesAllowed());
        node.put("allowedKeyTypes", a.policy().keyTypesText());
        return node;
    }
}
