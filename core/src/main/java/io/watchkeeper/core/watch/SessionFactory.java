package io.watchkeeper.core.watch;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.Provider;
import java.util.List;

/** Opens sessions to accounts of one provider and tells which regions an account uses. */
public interface SessionFactory {

    Provider provider();

    /**
     * A session in the account. Implementations prove the account's identity first (the provider must
     * answer with the registered id) and refuse third-party accounts, which are never opened.
     */
    CloudSession open(Account account);

    /**
     * The regions to watch for regional types: the account's own list when set, otherwise the
     * regions enabled in the account (discovered), otherwise the configured default.
     */
    List<String> regions(CloudSession session);
}
