package io.watchkeeper.web.service;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.Provider;

/** How {@link AccountAdmin#test} tests an account of a provider other than AWS (whose test it does itself). */
public interface ProviderConnectionTest {

    Provider provider();

    /** Opens a session (which proves the account's identity) and says what it found. */
    AccountAdmin.ConnectionTest test(Account account);
}
