package io.watchkeeper.web.service;

import io.watchkeeper.web.security.Caller;
import org.springframework.security.access.AccessDeniedException;

/** Rules about account scopes that several services share. */
final class Scopes {

    private Scopes() {}

    /**
     * Refuses (403) a caller limited to some accounts: settings for every account, new accounts and
     * other global changes are for callers who see every account.
     */
    static void requireEveryAccount(Caller caller, String refusal) {
        if (!caller.scope().unrestricted()) {
            throw new AccessDeniedException(refusal);
        }
    }
}
