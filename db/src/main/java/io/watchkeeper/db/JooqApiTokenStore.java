package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.API_TOKEN;
import static io.watchkeeper.db.jooq.Tables.APP_USER;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.ApiToken;
import io.watchkeeper.core.access.ApiTokenStore;
import io.watchkeeper.core.access.Role;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** API tokens in PostgreSQL (the secret's SHA-256 only). */
public final class JooqApiTokenStore implements ApiTokenStore {

    private final DSLContext dsl;

    public JooqApiTokenStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public ApiToken create(long userId, String name, String prefix, String secretHash, Role role, AccountScope scope,
                           OffsetDateTime expiresAt) {
        long id = dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, userId)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_PREFIX, prefix)
                .set(API_TOKEN.SECRET_HASH, secretHash)
                .set(API_TOKEN.ROLE, role.name())
                .set(API_TOKEN.ACCOUNT_IDS, JooqUserStore.ids(scope))
                .set(API_TOKEN.EXPIRES_AT, expiresAt)
                .returning(API_TOKEN.ID)
                .fetchSingle(API_TOKEN.ID);
        return find(id).orElseThrow();
    }

    @Override
    public Optional<ApiToken> findByHash(String secretHash) {
        return select(API_TOKEN.SECRET_HASH.eq(secretHash)).fetchOptional(JooqApiTokenStore::map);
    }

    @Override
    public Optional<ApiToken> find(long id) {
        return select(API_TOKEN.ID.eq(id)).fetchOptional(JooqApiTokenStore::map);
    }

    @Override
    public List<ApiToken> list(Long userId) {
        return select(userId == null ? DSL.trueCondition() : API_TOKEN.USER_ID.eq(userId))
                .orderBy(API_TOKEN.ID.desc()).fetch(JooqApiTokenStore::map);
    }

    @Override
    public void touch(long id, OffsetDateTime at) {
        dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, at)
                .where(API_TOKEN.ID.eq(id))
                .and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.lt(at.minusMinutes(1))))
                .execute();
    }

    @Override
    public boolean revoke(long id, OffsetDateTime at) {
        return dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, at)
                .where(API_TOKEN.ID.eq(id), API_TOKEN.REVOKED_AT.isNull()).execute() == 1;
    }

    private org.jooq.SelectConditionStep<Record> select(Condition where) {
        return dsl.select(API_TOKEN.fields()).select(APP_USER.USERNAME)
                .from(API_TOKEN).join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(where);
    }

    private static ApiToken map(Record r) {
        return new ApiToken(r.get(API_TOKEN.ID), r.get(API_TOKEN.USER_ID), r.get(APP_USER.USERNAME),
                r.get(API_TOKEN.NAME), r.get(API_TOKEN.TOKEN_PREFIX), Role.valueOf(r.get(API_TOKEN.ROLE)),
                JooqUserStore.scope(r.get(API_TOKEN.ACCOUNT_IDS)), r.get(API_TOKEN.CREATED_AT),
                r.get(API_TOKEN.EXPIRES_AT), r.get(API_TOKEN.LAST_USED_AT), r.get(API_TOKEN.REVOKED_AT));
    }
}
