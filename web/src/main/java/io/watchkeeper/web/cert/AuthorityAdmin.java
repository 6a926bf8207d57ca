package io.watchkeeper.web.cert;

import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.certmanager.Revocations;
import io.watchkeeper.certmanager.acme.AcmeRegistration;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.web.security.Caller;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Certificate authorities for people: every caller lists the ones it may use; creating, importing,
 * registering, assigning to accounts and publishing CRLs is for admins of every account (an
 * authority serves many accounts). The certificate manager audits each change.
 */
@Service
public class AuthorityAdmin {

    private final CertificateAccess access;
    private final Authorities authorities;
    private final AcmeRegistration acme;
    private final Revocations revocations;
    private final AccountStore accounts;

    public AuthorityAdmin(CertificateAccess access, Authorities authorities, AcmeRegistration acme,
                          Revocations revocations, AccountStore accounts) {
        this.access = access;
        this.authorities = authorities;
        this.acme = acme;
        this.revocations = revocations;
        this.accounts = accounts;
    }

    /** A new internal CA: a root, or an intermediate under {@code parent}. */
    public record NewAuthority(String name, String commonName, String parent, KeyType keyType, Duration validity,
                               AuthorityPolicy policy, boolean anyDomain, List<String> accounts) {}

    /** The authorities the caller may see and use. */
    public List<Authority> list(Caller caller) {
        return access.authorities(caller);
    }

    public Authority create(NewAuthority n, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        Set<Long> assigned = accountIds(n.accounts());
        String cn = n.commonName() != null ? n.commonName() : "Watchkeeper " + n.name();
        Duration lifetime = n.validity() != null ? n.validity() : Duration.ofDays(n.parent() == null ? 3650 : 1825);
        Authority created = n.parent() == null
                ? authorities.createRoot(n.name(), cn, n.keyType(), lifetime, n.policy(), n.anyDomain(), caller.actor())
                : authorities.createIntermediate(n.name(), n.parent(), cn, n.keyType(), lifetime, n.policy(),
                        n.anyDomain(), caller.actor());
        return assigned.isEmpty() ? created : authorities.assign(created.name(), assigned, caller.actor());
    }

    public Authority importCa(String name, String certificatesPem, String keyPem, AuthorityPolicy policy,
                              boolean anyDomain, List<String> accountNames, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        Set<Long> assigned = accountIds(accountNames);
        Authority imported = authorities.importCa(name, certificatesPem, keyPem, policy, anyDomain, caller.actor());
        return assigned.isEmpty() ? imported : authorities.assign(imported.name(), assigned, caller.actor());
    }

    public Authority registerAcme(AcmeRegistration.Request request, List<String> accountNames, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        Set<Long> assigned = accountIds(accountNames);
        Authority registered = acme.register(request, caller.actor());
        return assigned.isEmpty() ? registered : authorities.assign(registered.name(), assigned, caller.actor());
    }

    /** Assigns an authority to exactly these accounts (empty: unrestricted users only). */
    public Authority assign(String name, List<String> accountNames, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        return authorities.assign(authorities.require(name).name(), accountIds(accountNames), caller.actor());
    }

    /** Signs and publishes an internal authority's CRL now. */
    public Revocations.PublishedCrl publishCrl(String name, Caller caller) {
        caller.require(Role.ADMIN);
        CertificateAccess.requireUnrestrictedAdmin(caller);
        return revocations.publish(authorities.require(name), caller.actor());
    }

    private Set<Long> accountIds(List<String> names) {
        Set<Long> ids = new HashSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            ids.add(accounts.require(name.strip()).id());
        }
        return ids;
    }

    /** The account names of ids (for output). */
    public List<String> accountNames(Set<Long> ids) {
        return ids.stream().map(id -> accounts.findById(id).map(Account::name).orElse("#" + id)).sorted().toList();
    }
}
