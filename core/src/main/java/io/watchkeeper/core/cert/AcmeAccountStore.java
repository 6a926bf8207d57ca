package io.watchkeeper.core.cert;

import java.util.Optional;

/** ACME accounts of ACME authorities. */
public interface AcmeAccountStore {

    void add(AcmeAccount account);

    Optional<AcmeAccount> find(long authorityId);
}
