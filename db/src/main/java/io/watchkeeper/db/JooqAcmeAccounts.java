package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACME_ACCOUNT;

import io.watchkeeper.core.cert.AcmeAccount;
import io.watchkeeper.core.cert.AcmeAccountStore;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** ACME accounts in PostgreSQL. */
public final class JooqAcmeAccounts implements AcmeAccountStore {

    private final DSLContext dsl;

    public JooqAcmeAccounts(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void add(AcmeAccount a) {
        dsl.insertInto(ACME_ACCOUNT)
                .set(ACME_ACCOUNT.AUTHORITY_ID, a.authorityId())
                .set(ACME_ACCOUNT.DIRECTORY_URL, a.directoryUrl())
                .set(ACME_ACCOUNT.ACCOUNT_URL, a.accountUrl())
                .set(ACME_ACCOUNT.ACCOUNT_PUBLIC_KEY, a.accountPublicKeyPem())
                .set(ACME_ACCOUNT.DIRECTORY_TRUST_PEM, a.directoryTrustPem())
                .set(ACME_ACCOUNT.CONTACT, a.contact())
                .set(ACME_ACCOUNT.EAB_KID, a.eabKid())
                .set(ACME_ACCOUNT.PROFILE, a.profile())
                .set(ACME_ACCOUNT.ALLOW_INTERNAL, a.allowInternal())
                .execute();
    }

    @Override
    public Optional<AcmeAccount> find(long authorityId) {
        return dsl.selectFrom(ACME_ACCOUNT).where(ACME_ACCOUNT.AUTHORITY_ID.eq(authorityId))
                .fetchOptional(r -> new AcmeAccount(r.getAuthorityId(), r.getDirectoryUrl(), r.getAccountUrl(), r.getAccountPublicKey(), r.getDirectoryTrustPem(),
                        r.getContact(), r.getEabKid(), r.getProfile(), r.getAllowInternal()));
    }
}
