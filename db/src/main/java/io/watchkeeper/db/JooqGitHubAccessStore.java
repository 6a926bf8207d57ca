package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.GITHUB_ACCOUNT;

import io.watchkeeper.core.github.GitHubAccess;
import io.watchkeeper.core.github.GitHubAccessStore;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** How GitHub accounts are reached, in PostgreSQL ({@code github_account}). */
public final class JooqGitHubAccessStore implements GitHubAccessStore {

    private final DSLContext dsl;

    public JooqGitHubAccessStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void put(long accountId, GitHubAccess access) {
        dsl.insertInto(GITHUB_ACCOUNT)
                .set(GITHUB_ACCOUNT.ACCOUNT_ID, accountId)
                .set(GITHUB_ACCOUNT.AUTH, access.auth().id())
                .set(GITHUB_ACCOUNT.APP_ID, access.appId())
                .set(GITHUB_ACCOUNT.INSTALLATION_ID, access.installationId())
                .set(GITHUB_ACCOUNT.ENDPOINT, access.endpoint())
                .set(GITHUB_ACCOUNT.ORGANIZATION_ID, access.organizationId())
                .onConflict(GITHUB_ACCOUNT.ACCOUNT_ID)
                .doUpdate()
                .set(GITHUB_ACCOUNT.AUTH, access.auth().id())
                .set(GITHUB_ACCOUNT.APP_ID, access.appId())
                .set(GITHUB_ACCOUNT.INSTALLATION_ID, access.installationId())
                .set(GITHUB_ACCOUNT.ENDPOINT, access.endpoint())
                .set(GITHUB_ACCOUNT.ORGANIZATION_ID, access.organizationId())
                .execute();
    }

    @Override
    public Optional<GitHubAccess> find(long accountId) {
        return dsl.selectFrom(GITHUB_ACCOUNT).where(GITHUB_ACCOUNT.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new GitHubAccess(GitHubAccess.Auth.fromId(r.getAuth()), r.getAppId(),
                        r.getInstallationId(), r.getEndpoint(), r.getOrganizationId()));
    }

    @Override
    public void recordOrganizationId(long accountId, long organizationId) {
        dsl.update(GITHUB_ACCOUNT)
                .set(GITHUB_ACCOUNT.ORGANIZATION_ID, organizationId)
                .where(GITHUB_ACCOUNT.ACCOUNT_ID.eq(accountId))
                .and(GITHUB_ACCOUNT.ORGANIZATION_ID.isNull())
                .execute();
    }
}
