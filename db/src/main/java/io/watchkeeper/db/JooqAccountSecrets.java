package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT_SECRET;

import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.core.secret.AccountSecrets;
import io.watchkeeper.core.secret.SecretKind;
import io.watchkeeper.db.jooq.tables.records.AccountSecretRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** Sealed account secrets in PostgreSQL: ciphertext and wrapped data key only, never a plaintext secret. */
public final class JooqAccountSecrets implements AccountSecrets {

    private final DSLContext dsl;

    public JooqAccountSecrets(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void put(long accountId, SecretKind kind, SealedKey sealed) {
        dsl.insertInto(ACCOUNT_SECRET)
                .set(ACCOUNT_SECRET.ACCOUNT_ID, accountId)
                .set(ACCOUNT_SECRET.KIND, kind.id())
                .set(ACCOUNT_SECRET.ALGORITHM, sealed.algorithm())
                .set(ACCOUNT_SECRET.CIPHERTEXT, sealed.ciphertext())
                .set(ACCOUNT_SECRET.WRAPPED_KEY, sealed.wrappedKey())
                .set(ACCOUNT_SECRET.KEY_PROVIDER, sealed.provider())
                .set(ACCOUNT_SECRET.MASTER_KEY_VERSION, sealed.masterKeyVersion())
                .onConflict(ACCOUNT_SECRET.ACCOUNT_ID)
                .doUpdate()
                .set(ACCOUNT_SECRET.KIND, kind.id())
                .set(ACCOUNT_SECRET.ALGORITHM, sealed.algorithm())
                .set(ACCOUNT_SECRET.CIPHERTEXT, sealed.ciphertext())
                .set(ACCOUNT_SECRET.WRAPPED_KEY, sealed.wrappedKey())
                .set(ACCOUNT_SECRET.KEY_PROVIDER, sealed.provider())
                .set(ACCOUNT_SECRET.MASTER_KEY_VERSION, sealed.masterKeyVersion())
                .set(ACCOUNT_SECRET.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    @Override
    public Optional<Stored> find(long accountId) {
        return dsl.selectFrom(ACCOUNT_SECRET).where(ACCOUNT_SECRET.ACCOUNT_ID.eq(accountId))
                .fetchOptional(JooqAccountSecrets::map);
    }

    @Override
    public List<Long> wrappedByOtherThan(String provider, String version, int limit) {
        return dsl.select(ACCOUNT_SECRET.ACCOUNT_ID).from(ACCOUNT_SECRET)
                .where(ACCOUNT_SECRET.KEY_PROVIDER.ne(provider).or(ACCOUNT_SECRET.MASTER_KEY_VERSION.ne(version)))
                .orderBy(ACCOUNT_SECRET.ACCOUNT_ID)
                .limit(Math.max(1, Math.min(limit, 10_000)))
                .fetch(r -> r.value1());
    }

    @Override
    public boolean rewrap(long accountId, SealedKey expected, SealedKey rewrapped) {
        return dsl.update(ACCOUNT_SECRET)
                .set(ACCOUNT_SECRET.WRAPPED_KEY, rewrapped.wrappedKey())
                .set(ACCOUNT_SECRET.KEY_PROVIDER, rewrapped.provider())
                .set(ACCOUNT_SECRET.MASTER_KEY_VERSION, rewrapped.masterKeyVersion())
                .where(ACCOUNT_SECRET.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_SECRET.KEY_PROVIDER.eq(expected.provider()))
                .and(ACCOUNT_SECRET.MASTER_KEY_VERSION.eq(expected.masterKeyVersion()))
                .and(ACCOUNT_SECRET.WRAPPED_KEY.eq(expected.wrappedKey()))
                .execute() == 1;
    }

    private static Stored map(AccountSecretRecord r) {
        return new Stored(r.getAccountId(), SecretKind.fromId(r.getKind()), new SealedKey(r.getAlgorithm(),
                r.getCiphertext(), r.getWrappedKey(), r.getKeyProvider(), r.getMasterKeyVersion()),
                Times.instant(r.getUpdatedAt()));
    }
}
