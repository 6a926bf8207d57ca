package io.watchkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.NewUser;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLogReader;
import io.watchkeeper.core.audit.AuditRecord;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.db.testing.TestDatabase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users' login reservations and session generations; audit entries tied to accounts and read by scope. */
class AccessStoresTest {

    private DSLContext dsl;
    private JooqUserStore users;

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.fresh().dsl();
        users = new JooqUserStore(dsl);
    }

    @Test
    void attemptsAreCountedBeforeTheCheckAndLockAtTheThreshold() {
        users.create(new NewUser("alice", null, Role.VIEWER, AccountScope.ALL, "{noop}x", null, null), "test");
        for (int i = 1; i <= 3; i++) {
            assertThat(users.reserveAttempt("alice", 3, Duration.ofMinutes(1), Duration.ofHours(1)))
                    .isEqualTo(UserStore.Attempt.RESERVED);
        }
        UserStore.LoginState state = users.loginState("alice");
        assertThat(state.failures()).isEqualTo(3);
        assertThat(state.lockedUntil()).isBetween(OffsetDateTime.now().plusSeconds(50), OffsetDateTime.now().plusSeconds(70));
        assertThat(users.reserveAttempt("alice", 3, Duration.ofMinutes(1), Duration.ofHours(1)))
                .isEqualTo(UserStore.Attempt.LOCKED);
        assertThat(users.loginState("alice").failures()).isEqualTo(3); // a refused attempt is not counted
        assertThat(users.reserveAttempt("nobody", 3, Duration.ofMinutes(1), Duration.ofHours(1)))
                .isEqualTo(UserStore.Attempt.UNKNOWN);

        // after the lock: the next failure doubles it, capped
        dsl.execute("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = 'alice'");
        assertThat(users.reserveAttempt("alice", 3, Duration.ofMinutes(1), Duration.ofMinutes(90)))
                .isEqualTo(UserStore.Attempt.RESERVED);
        assertThat(users.loginState("alice").lockedUntil()).isAfter(OffsetDateTime.now().plusSeconds(110));
        dsl.execute("UPDATE app_user SET locked_until = now() - interval '1 second', failed_logins = 40 WHERE username = 'alice'");
        users.reserveAttempt("alice", 3, Duration.ofMinutes(1), Duration.ofMinutes(90));
        assertThat(users.loginState("alice").lockedUntil()).isBefore(OffsetDateTime.now().plusMinutes(91));

        users.recordSuccess("alice");
        assertThat(users.loginState("alice")).isEqualTo(UserStore.LoginState.CLEAR);
    }

    @Test
    void everyChangeToAUserRaisesItsSessionGeneration() {
        User created = users.create(new NewUser("bob", null, Role.VIEWER, AccountScope.ALL, "{noop}x", null, null, true),
                "test");
        assertThat(created.mustChangePassword()).isTrue();
        User updated = users.update(created.id(), Role.ADMIN, AccountScope.of(Set.of()), true);
        assertThat(updated.sessionGeneration()).isGreaterThan(created.sessionGeneration());
        assertThat(updated.scope().accountIds()).isEmpty(); // no accounts, not all
        User changed = users.setPassword(created.id(), "{noop}y", false);
        assertThat(changed.sessionGeneration()).isGreaterThan(updated.sessionGeneration());
        assertThat(changed.mustChangePassword()).isFalse();
        assertThat(users.passwordHash("bob")).contains("{noop}y");
    }

    @Test
    void auditEntriesAreTiedToTheAccountTheirTargetNamesAndReadByScope() {
        JooqAccountStore accounts = new JooqAccountStore(dsl);
        long prod = accounts.add(new AccountSpec(Provider.AWS, "prod", "111111111111", AccountAccess.NONE, List.of(),
                Map.of(), false)).id();
        long dev = accounts.add(new AccountSpec(Provider.AWS, "dev", "222222222222", AccountAccess.NONE, List.of(),
                Map.of(), false)).id();
        JooqAuditLog log = new JooqAuditLog(dsl);
        log.record(new AuditEntry("root", "account.add", "account:prod", null, null));
        log.record(new AuditEntry("root", "watch.interval.set", "interval:" + dev + ":*", null, null));
        log.record(new AuditEntry("root", "check.override", "check:aws.s3.bucket/public-acl@" + prod, null, null));
        log.record(new AuditEntry("root", "finding.justify", "finding:99999999999999999999999", null, null));
        log.record(new AuditEntry("root", "scan.start", "scan:7", null, null, dev));
        log.record(new AuditEntry("root", "user.create", "user:carol", null, null));
        log.record(new AuditEntry("carol (token 3)", "token.create", "token:3", null, null));
        log.record(new AuditEntry("carolyn", "token.create", "token:4", null, null));

        JooqAuditLogReader reader = new JooqAuditLogReader(dsl);
        List<AuditRecord> all = reader.list(null, null, null, null, 100);
        assertThat(all).hasSize(8);
        assertThat(all).filteredOn(r -> r.target().equals("account:prod")).extracting(AuditRecord::accountId).containsExactly(prod);
        assertThat(all).filteredOn(r -> r.target().startsWith("interval:")).extracting(AuditRecord::accountId).containsExactly(dev);
        assertThat(all).filteredOn(r -> r.target().startsWith("check:")).extracting(AuditRecord::accountId).containsExactly(prod);
        assertThat(all).filteredOn(r -> r.target().startsWith("finding:")).extracting(AuditRecord::accountId).containsOnlyNulls();
        assertThat(all).filteredOn(r -> r.target().startsWith("scan:")).extracting(AuditRecord::accountId).containsExactly(dev);

        List<String> carol = reader.list(null, null, null, null, 100, new AuditLogReader.Visibility("carol", Set.of(prod)))
                .stream().map(AuditRecord::target).toList();
        assertThat(carol).containsExactlyInAnyOrder("account:prod", "check:aws.s3.bucket/public-acl@" + prod,
                "user:carol", "token:3");
        assertThat(reader.list(null, null, null, null, 100, new AuditLogReader.Visibility("nobody", Set.of()))).isEmpty();
    }
}
