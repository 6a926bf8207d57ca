package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.APP_USER;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.NewUser;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.db.jooq.tables.records.AppUserRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Users in PostgreSQL; the password hash is read only by {@link #passwordHash}. */
public final class JooqUserStore implements UserStore {

    private final DSLContext dsl;

    public JooqUserStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public User create(NewUser user, String actor) {
        try {
            return map(dsl.insertInto(APP_USER)
                    .set(APP_USER.USERNAME, user.username())
                    .set(APP_USER.DISPLAY_NAME, user.displayName())
                    .set(APP_USER.PASSWORD_HASH, user.passwordHash())
                    .set(APP_USER.OIDC_ISSUER, user.oidcIssuer())
                    .set(APP_USER.OIDC_SUBJECT, user.oidcSubject())
                    .set(APP_USER.ROLE, user.role().name())
                    .set(APP_USER.ACCOUNT_IDS, ids(user.scope()))
                    .set(APP_USER.MUST_CHANGE_PASSWORD, user.mustChangePassword())
                    .set(APP_USER.CREATED_BY, actor)
                    .returning()
                    .fetchSingle());
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            throw new InvalidInputException("a user named '" + user.username() + "' (or with that OIDC identity) exists");
        }
    }

    @Override
    public Optional<User> find(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(JooqUserStore::map);
    }

    @Override
    public Optional<User> findById(long id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(JooqUserStore::map);
    }

    @Override
    public Optional<User> findByOidc(String issuer, String subject) {
        return dsl.selectFrom(APP_USER).where(APP_USER.OIDC_ISSUER.eq(issuer), APP_USER.OIDC_SUBJECT.eq(subject))
                .fetchOptional(JooqUserStore::map);
    }

    @Override
    public List<User> list() {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(JooqUserStore::map);
    }

    @Override
    public int count() {
        return dsl.fetchCount(APP_USER);
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username), APP_USER.ENABLED.isTrue(), APP_USER.PASSWORD_HASH.isNotNull())
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    @Override
    public User setPassword(long userId, String passwordHash, boolean mustChange) {
        return dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, Objects.requireNonNull(passwordHash, "passwordHash"))
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(APP_USER.SESSION_GENERATION, APP_USER.SESSION_GENERATION.plus(1))
                .where(APP_USER.ID.eq(userId))
                .returning()
                .fetchOptional()
                .map(JooqUserStore::map)
                .orElseThrow(() -> new InvalidInputException("no user with id " + userId));
    }

    @Override
    public User update(long userId, Role role, AccountScope scope, boolean enabled) {
        return dsl.update(APP_USER)
                .set(APP_USER.ROLE, role.name())
                .set(APP_USER.ACCOUNT_IDS, ids(scope))
                .set(APP_USER.ENABLED, enabled)
                .set(APP_USER.SESSION_GENERATION, APP_USER.SESSION_GENERATION.plus(1))
                .where(APP_USER.ID.eq(userId))
                .returning()
                .fetchOptional()
                .map(JooqUserStore::map)
                .orElseThrow(() -> new InvalidInputException("no user with id " + userId));
    }

    @Override
    public LoginState loginState(String username) {
        return dsl.select(APP_USER.FAILED_LOGINS, APP_USER.LOCKED_UNTIL).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new LoginState(r.value1(), r.value2()))
                .orElse(LoginState.CLEAR);
    }

    @Override
    public Attempt reserveAttempt(String username, int threshold, Duration lockBase, Duration lockMax) {
        // one statement: concurrent attempts queue on the row lock, and each re-reads the lock the
        // previous one may have set, so no more than `threshold` attempts pass before the lock
        Field<Integer> failures = APP_USER.FAILED_LOGINS.plus(1);
        Field<OffsetDateTime> lockedUntil = DSL.field(
                "current_timestamp + make_interval(secs => least({0}, {1} * power(2, least({2} - {3}, 20))))",
                OffsetDateTime.class, DSL.val(lockMax.toMillis() / 1000.0), DSL.val(lockBase.toMillis() / 1000.0),
                failures, DSL.val(threshold));
        int counted = dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, failures)
                .set(APP_USER.LOCKED_UNTIL, DSL.when(failures.ge(threshold), lockedUntil).otherwise(APP_USER.LOCKED_UNTIL))
                .where(APP_USER.USERNAME.eq(username))
                .and(APP_USER.LOCKED_UNTIL.isNull().or(APP_USER.LOCKED_UNTIL.le(DSL.currentOffsetDateTime())))
                .execute();
        if (counted == 1) {
            return Attempt.RESERVED;
        }
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username)) ? Attempt.LOCKED : Attempt.UNKNOWN;
    }

    @Override
    public void clearFailures(String username) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .where(APP_USER.USERNAME.eq(username))
                .execute();
    }

    @Override
    public void recordSuccess(String username) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .set(APP_USER.LAST_LOGIN_AT, OffsetDateTime.now())
                .where(APP_USER.USERNAME.eq(username))
                .execute();
    }

    static Long[] ids(AccountScope scope) {
        return scope.unrestricted() ? null : scope.accountIds().stream().sorted().toArray(Long[]::new);
    }

    static AccountScope scope(Long[] ids) {
        return ids == null ? AccountScope.ALL : AccountScope.of(Set.copyOf(Arrays.asList(ids)));
    }

    private static User map(AppUserRecord r) {
        return new User(r.getId(), r.getUsername(), r.getDisplayName(), Role.valueOf(r.getRole()),
                scope(r.getAccountIds()), r.getEnabled(), r.getPasswordHash() != null, r.getOidcIssuer(),
                r.getLastLoginAt(), r.getCreatedAt(), r.getMustChangePassword(), r.getSessionGeneration());
    }
}
