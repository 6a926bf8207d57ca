package io.watchkeeper.core.github;

import java.util.Optional;

/** How each GitHub account is reached (one row per account, written with the account). */
public interface GitHubAccessStore {

    void put(long accountId, GitHubAccess access);

    Optional<GitHubAccess> find(long accountId);

    /**
     * Records the organisation's stable id the first time its identity is proven; a no-op when one
     * is recorded already (the caller then compares).
     */
    void recordOrganizationId(long accountId, long organizationId);
}
