package io.watchkeeper.core.watch;

import io.watchkeeper.core.model.Account;

/**
 * Authenticated access to one account of one provider, opened for a watch run and closed after
 * it. Each provider module defines its own session type with its clients.
 */
public interface CloudSession extends AutoCloseable {

    Account account();

    @Override
    void close();
}
