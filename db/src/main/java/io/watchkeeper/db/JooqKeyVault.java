package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.PRIVATE_KEY;

import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyVault;
import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.db.jooq.tables.records.PrivateKeyRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.TableField;

/** Sealed private keys in PostgreSQL (ciphertext and wrapped data key only; never a plaintext key). */
public final class JooqKeyVault implements KeyVault {

    private final DSLContext dsl;

    public JooqKeyVault(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    static void insert(DSLContext t, TableField<PrivateKeyRecord, Long> ownerColumn, long ownerId, SealedKey key) {
        t.insertInto(PRIVATE_KEY)
                .set(ownerColumn, ownerId)
                .set(PRIVATE_KEY.ALGORITHM, key.algorithm())
                .set(PRIVATE_KEY.CIPHERTEXT, key.ciphertext())
                .set(PRIVATE_KEY.WRAPPED_KEY, key.wrappedKey())
                .set(PRIVATE_KEY.KEY_PROVIDER, key.provider())
                .set(PRIVATE_KEY.MASTER_KEY_VERSION, key.masterKeyVersion())
                .execute();
    }

    @Override
    public Optional<SealedKey> find(KeyOwner owner) {
        return dsl.selectFrom(PRIVATE_KEY).where(owned(owner)).fetchOptional(JooqKeyVault::map);
    }

    @Override
    public List<KeyOwner> wrappedByOtherThan(String provider, String version, int limit) {
        return dsl.select(PRIVATE_KEY.CERTIFICATE_ID, PRIVATE_KEY.AUTHORITY_ID)
                .from(PRIVATE_KEY)
                .where(PRIVATE_KEY.KEY_PROVIDER.ne(provider).or(PRIVATE_KEY.MASTER_KEY_VERSION.ne(version)))
                .orderBy(PRIVATE_KEY.ID)
                .limit(Math.max(1, Math.min(limit, 10_000)))
                .fetch(r -> r.value1() != null ? KeyOwner.certificate(r.value1()) : KeyOwner.authority(r.value2()));
    }

    @Override
    public boolean rewrap(KeyOwner owner, SealedKey expected, SealedKey rewrapped) {
        return dsl.update(PRIVATE_KEY)
                .set(PRIVATE_KEY.WRAPPED_KEY, rewrapped.wrappedKey())
                .set(PRIVATE_KEY.KEY_PROVIDER, rewrapped.provider())
                .set(PRIVATE_KEY.MASTER_KEY_VERSION, rewrapped.masterKeyVersion())
                .set(PRIVATE_KEY.REWRAPPED_AT, OffsetDateTime.now())
                .where(owned(owner))
                .and(PRIVATE_KEY.KEY_PROVIDER.eq(expected.provider()))
                .and(PRIVATE_KEY.MASTER_KEY_VERSION.eq(expected.masterKeyVersion()))
                .and(PRIVATE_KEY.WRAPPED_KEY.eq(expected.wrappedKey()))
                .execute() == 1;
    }

    @Override
    public List<VersionCount> versions() {
        return dsl.select(PRIVATE_KEY.KEY_PROVIDER, PRIVATE_KEY.MASTER_KEY_VERSION, org.jooq.impl.DSL.count())
                .from(PRIVATE_KEY)
                .groupBy(PRIVATE_KEY.KEY_PROVIDER, PRIVATE_KEY.MASTER_KEY_VERSION)
                .orderBy(PRIVATE_KEY.KEY_PROVIDER, PRIVATE_KEY.MASTER_KEY_VERSION)
                .fetch(r -> new VersionCount(r.value1(), r.value2(), r.value3()));
    }

    private static Condition owned(KeyOwner owner) {
        return switch (owner.kind()) {
            case CERTIFICATE -> PRIVATE_KEY.CERTIFICATE_ID.eq(owner.id());
            case AUTHORITY -> PRIVATE_KEY.AUTHORITY_ID.eq(owner.id());
        };
    }

    private static SealedKey map(PrivateKeyRecord r) {
        return new SealedKey(r.getAlgorithm(), r.getCiphertext(), r.getWrappedKey(), r.getKeyProvider(),
                r.getMasterKeyVersion());
    }
}
