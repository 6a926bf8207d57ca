package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static io.watchkeeper.db.jooq.Tables.SCOPE_LEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.db.testing.TestDatabase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogAndLeasesTest {

    private DSLContext dsl;

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.fresh().dsl();
    }

    @Test
    void auditLogIsAppendOnly() {
        new JooqAuditLog(dsl).record(new AuditEntry("cli:alice", "account.add", "account:prod", null, Json.parse("{\"a\":1}")));
        assertThat(dsl.fetchCount(AUDIT_LOG)).isEqualTo(1);
        assertThatThrownBy(() -> dsl.deleteFrom(AUDIT_LOG).execute()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dsl.update(AUDIT_LOG).set(AUDIT_LOG.ACTOR, "mallory").execute())
                .hasMessageContaining("append-only");
    }

    @Test
    void aLeaseIsExclusiveUntilReleasedOrExpired() {
        JooqScopeLeases leases = new JooqScopeLeases(dsl);
        assertThat(leases.tryAcquire("1/eu-west-1/aws.s3.bucket", "node-a", Duration.ofMinutes(5))).isTrue();
        assertThat(leases.tryAcquire("1/eu-west-1/aws.s3.bucket", "node-b", Duration.ofMinutes(5))).isFalse();
        assertThat(leases.tryAcquire("1/eu-west-1/aws.s3.bucket", "node-a", Duration.ofMinutes(5))).isTrue();
        leases.release("1/eu-west-1/aws.s3.bucket", "node-b");
        assertThat(leases.tryAcquire("1/eu-west-1/aws.s3.bucket", "node-b", Duration.ofMinutes(5))).isFalse();
        leases.release("1/eu-west-1/aws.s3.bucket", "node-a");
        assertThat(leases.tryAcquire("1/eu-west-1/aws.s3.bucket", "node-b", Duration.ofMinutes(5))).isTrue();

        dsl.update(SCOPE_LEASE).set(SCOPE_LEASE.EXPIRES_AT, OffsetDateTime.now().minusSeconds(1)).execute();
        assertThat(leases.tryAcquire("1/eu-west-1/aws.s3.bucket", "node-c", Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void accountsRoundTripAndDuplicatesAreRefused() {
        JooqAccountStore accounts = new JooqAccountStore(dsl);
        AccountSpec spec = new AccountSpec(Provider.AWS, "prod", "123456789012",
                new AccountAccess("arn:aws:iam::123456789012:role/wk", "ext-1", null), List.of("eu-west-1"),
                Map.of("env", "prod"), false);
        var added = accounts.add(spec);
        assertThat(accounts.require("prod")).isEqualTo(added);
        assertThat(added.access().roleExternalId()).isEqualTo("ext-1");
        assertThat(added.tags()).containsEntry("env", "prod");
        assertThatThrownBy(() -> accounts.add(spec)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already registered");
        assertThatThrownBy(() -> accounts.require("nope")).hasMessageContaining("unknown account 'nope' (known: prod)");
    }
}
