package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.db.jooq.tables.records.AccountRecord;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;

/** Accounts in PostgreSQL. */
public final class JooqAccountStore implements AccountStore {

    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};

    private final DSLContext dsl;

    public JooqAccountStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public Account add(AccountSpec spec) {
        try {
            AccountRecord row = dsl.insertInto(ACCOUNT)
                    .set(ACCOUNT.PROVIDER, spec.provider().id())
                    .set(ACCOUNT.NAME, spec.name())
                    .set(ACCOUNT.EXTERNAL_ID, spec.externalId())
                    .set(ACCOUNT.ROLE_ARN, spec.access().roleArn())
                    .set(ACCOUNT.ROLE_EXTERNAL_ID, spec.access().roleExternalId())
                    .set(ACCOUNT.CREDENTIALS_REF, spec.access().credentialsRef())
                    .set(ACCOUNT.REGIONS, spec.regions().toArray(String[]::new))
                    .set(ACCOUNT.TAGS, JSONB.valueOf(Json.write(spec.tags())))
                    .set(ACCOUNT.THIRD_PARTY, spec.thirdParty())
                    .returning()
                    .fetchSingle();
            return map(row);
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            throw new InvalidInputException("an account named '" + spec.name() + "' or with " + spec.provider().id()
                    + " id " + spec.externalId() + " is already registered");
        }
    }

    @Override
    public List<Account> list() {
        return dsl.selectFrom(ACCOUNT).orderBy(ACCOUNT.NAME).fetch(JooqAccountStore::map);
    }

    @Override
    public Optional<Account> findByName(String name) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.NAME.eq(name)).fetchOptional(JooqAccountStore::map);
    }

    @Override
    public Optional<Account> findById(long id) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional(JooqAccountStore::map);
    }

    @Override
    public void setActive(long id, boolean active) {
        dsl.update(ACCOUNT).set(ACCOUNT.ACTIVE, active).where(ACCOUNT.ID.eq(id)).execute();
    }

    static Account map(AccountRecord r) {
        return new Account(
                r.getId(),
                Provider.fromId(r.getProvider()),
                r.getName(),
                r.getExternalId(),
                new AccountAccess(r.getRoleArn(), r.getRoleExternalId(), r.getCredentialsRef()),
                List.of(r.getRegions()),
                Json.mapper().readValue(r.getTags().data(), TAGS),
                r.getActive(),
                r.getThirdParty());
    }
}
