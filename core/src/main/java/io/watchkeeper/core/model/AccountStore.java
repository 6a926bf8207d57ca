package io.watchkeeper.core.model;

import java.util.List;
import java.util.Optional;

/** Registered accounts. */
public interface AccountStore {

    /** Adds an account; fails with {@link InvalidInputException} when the name or provider id is taken. */
    Account add(AccountSpec spec);

    List<Account> list();

    Optional<Account> findByName(String name);

    Optional<Account> findById(long id);

    /** The account called {@code name}, or an {@link InvalidInputException} naming the known ones. */
    default Account require(String name) {
        return findByName(name).orElseThrow(() -> new InvalidInputException("unknown account '" + name
                + "' (known: " + String.join(", ", list().stream().map(Account::name).toList()) + ")"));
    }

    void setActive(long id, boolean active);
}
