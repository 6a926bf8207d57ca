package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.List;
import java.util.Optional;

/** Certificate authorities. */
public interface AuthorityStore {

    /** Reserves an id for a new authority, so that its key can be sealed to it before it is stored. */
    long nextId();

    /**
     * Stores an authority and its sealed key in one transaction; an {@link InvalidInputException}
     * when the name or the CA certificate is already known.
     */
    Authority add(AuthoritySpec spec);

    List<Authority> list();

    Optional<Authority> findByName(String name);

    Optional<Authority> findById(long id);

    /** The authority called {@code name}, or an {@link InvalidInputException} naming the known ones. */
    default Authority require(String name) {
        return findByName(name).orElseThrow(() -> new InvalidInputException("unknown authority '"
                + DnsNames.printable(name) + "' (known: "
                + String.join(", ", list().stream().map(Authority::name).toList()) + ")"));
    }

    /** Replaces the accounts an authority is assigned to (empty: unrestricted users only). */
    void setAccounts(long authorityId, java.util.Set<Long> accountIds);

    /** Increments and returns the authority's CRL number (monotonic, never reused). */
    long nextCrlNumber(long authorityId);
}
