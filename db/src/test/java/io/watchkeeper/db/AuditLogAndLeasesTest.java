package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.db.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogAndLeasesTest {

    private TestDatabase database;
    private DSLContext dsl;

    @BeforeEach
    void setUp() {
        database = TestDatabase.fresh();
        dsl = database.dsl();
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
    void aLeaseIsExclusiveAcrossProcessesAndHoldersUntilReleased() {
        String scope = "1/eu-west-1/aws.s3.bucket";
        JooqScopeLeases nodeA = new JooqScopeLeases(dsl);
        JooqScopeLeases nodeB = new JooqScopeLeases(dsl);
        assertThat(nodeA.tryAcquire(scope, "node-a", Duration.ofMinutes(5))).isTrue();
        assertThat(nodeB.tryAcquire(scope, "node-b", Duration.ofMinutes(5))).isFalse();
        assertThat(nodeA.tryAcquire(scope, "node-a", Duration.ofMinutes(5))).as("the holder may claim again").isTrue();
        assertThat(nodeA.tryAcquire(scope, "other-run", Duration.ofMinutes(5)))
                .as("another holder in the same process").isFalse();
        nodeB.release(scope, "node-b");
        nodeA.release(scope, "node-b");
        assertThat(nodeB.tryAcquire(scope, "node-b", Duration.ofMinutes(5))).isFalse();
        nodeA.release(scope, "node-a");
        assertThat(nodeA.heldCount()).isZero();
        assertThat(nodeB.tryAcquire(scope, "node-b", Duration.ofMinutes(5))).isTrue();
        assertThat(nodeB.tryAcquire("1/eu-west-1/aws.sqs.queue", "node-b", Duration.ofMinutes(5))).isTrue();
        assertThat(nodeA.tryAcquire("1/eu-west-1/aws.sqs.queue", "node-a", Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void leasesAreSpreadOverTheLockConnectionsSoClaimsDoNotQueueOnOne() {
        JooqScopeLeases leases = new JooqScopeLeases(dsl, 4);
        JooqScopeLeases other = new JooqScopeLeases(dsl, 3);
        List<String> scopes = java.util.stream.IntStream.range(0, 100).mapToObj(i -> i + "/eu-west-1/aws.ec2.volume").toList();
        for (String scope : scopes) {
            assertThat(leases.tryAcquire(scope, "run-1", Duration.ofMinutes(5))).isTrue();
        }
        assertThat(leases.heldCount()).isEqualTo(100);
        String here = " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        String lockers = "SELECT count(DISTINCT pid) FROM pg_locks WHERE locktype = 'advisory' AND granted" + here;
        assertThat(((Number) dsl.fetchValue(lockers)).longValue()).as("four lock connections hold them").isEqualTo(4L);
        assertThat(((Number) dsl.fetchValue("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted" + here)).longValue())
                .isEqualTo(100L);
        // exclusive for another process whatever its number of connections, and for another holder here
        for (String scope : scopes) {
            assertThat(other.tryAcquire(scope, "run-2", Duration.ofMinutes(5))).isFalse();
            assertThat(leases.tryAcquire(scope, "run-3", Duration.ofMinutes(5))).isFalse();
            assertThat(leases.tryAcquire(scope, "run-1", Duration.ofMinutes(5))).isTrue();
        }
        scopes.forEach(scope -> leases.release(scope, "run-1"));
        assertThat(leases.heldCount()).isZero();
        assertThat(((Number) dsl.fetchValue(lockers)).longValue()).as("every lock connection given back").isZero();
        assertThat(other.tryAcquire(scopes.getFirst(), "run-2", Duration.ofMinutes(5))).isTrue();
        other.release(scopes.getFirst(), "run-2");
    }

    @Test
    void aLeaseDiesWithItsHoldersConnection() {
        String scope = "7/global/aws.iam.role";
        JooqScopeLeases holder = new JooqScopeLeases(dsl);
        JooqScopeLeases other = new JooqScopeLeases(dsl);
        assertThat(holder.tryAcquire(scope, "node-a", Duration.ofMinutes(30))).isTrue();
        assertThat(other.tryAcquire(scope, "node-b", Duration.ofMinutes(30))).isFalse();
        // the holder's database session ends (a crashed node, a cut network): its locks go with it
        dsl.fetch("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid() "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        assertThat(other.tryAcquire(scope, "node-b", Duration.ofMinutes(30))).isTrue();
    }

    @Test
    void aKilledProcessLeavesNoLeaseBehind() throws Exception {
        String scope = "9/us-east-1/aws.ec2.instance";
        Process victim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeaseHoldingMain.class.getName(), database.jdbcUrl(), scope)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("held");
            JooqScopeLeases next = new JooqScopeLeases(dsl);
            assertThat(next.tryAcquire(scope, "next-run", Duration.ofMinutes(30))).as("held by the live process").isFalse();
            victim.destroyForcibly(); // SIGKILL: no release, no shutdown hook
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean acquired = false;
            while (!acquired && System.nanoTime() < deadline) {
                acquired = next.tryAcquire(scope, "next-run", Duration.ofMinutes(30));
                if (!acquired) {
                    Thread.sleep(100);
                }
            }
            assertThat(acquired).as("claimed within 5 s of the holder's death, not after a lease timeout").isTrue();
        } finally {
            victim.destroyForcibly();
        }
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
