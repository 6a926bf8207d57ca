package io.watchkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.cert.CertificateFilter;
import io.watchkeeper.core.cert.CertificateMetadata;
import io.watchkeeper.core.cert.CertificateSource;
import io.watchkeeper.core.cert.CertificateVisibility;
import io.watchkeeper.core.cert.NewCertificate;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.cert.Team;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.db.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Certificate ownership by id, teams, visibility by account/team/owner, the issuance counter, and the migration. */
class CertificateOwnershipStoreTest {

    private final TestDatabase db = TestDatabase.fresh();
    private final DSLContext dsl = db.dsl();
    private final JooqCertificateStore certificates = new JooqCertificateStore(dsl);
    private final JooqTeamStore teams = new JooqTeamStore(dsl);

    private long user(String name) {
        return dsl.fetchSingle("INSERT INTO app_user (username, role, created_by) VALUES (?, 'COMMENTER', 'test') RETURNING id",
                name).get(0, Long.class);
    }

    private long account(String name) {
        return dsl.fetchSingle("INSERT INTO account (provider, name, external_id) VALUES ('aws', ?, ?) RETURNING id",
                name, name.hashCode() + "").get(0, Long.class);
    }

    private StoredCertificate add(String fingerprint, Ownership ownership) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateMetadata m = new CertificateMetadata(fingerprint, "CN=ca", "CN=x", "x.example.test",
                List.of("x.example.test"), List.of(), now, now.plus(Duration.ofDays(5)), "EC", 256, "SHA256withECDSA",
                fingerprint, false);
        return certificates.add(new NewCertificate(certificates.nextId(), m, "PEM", List.of(), ownership, null,
                CertificateSource.IMPORTED, null, null, null, "test"));
    }

    @Test
    void ownershipIsStoredByIdAndVisibilityFollowsAccountsTeamsAndOwner() {
        long alice = user("alice");
        long bob = user("bob");
        long prod = account("prod");
        long dev = account("dev");
        Team web = teams.create("web", "admin");
        assertThat(teams.addMember(web.id(), bob)).isTrue();
        assertThat(teams.addMember(web.id(), bob)).isFalse();
        assertThatThrownBy(() -> teams.create("web", "admin")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> teams.create("bad name", "admin")).isInstanceOf(InvalidInputException.class);

        StoredCertificate inProd = add("f1", Ownership.of(prod, alice, null));
        StoredCertificate ofWeb = add("f2", Ownership.of(dev, null, web.id()));
        StoredCertificate global = add("f3", Ownership.none());
        assertThat(inProd.ownership()).isEqualTo(new Ownership(prod, "prod", alice, "alice", null, null, null));
        assertThat(ofWeb.ownership().team()).isEqualTo("web");
        assertThat(teams.find("web").orElseThrow().members()).containsExactly("bob");

        assertThat(visible(new CertificateVisibility(Set.of(prod), Set.of(), null))).containsExactly(inProd.id());
        assertThat(visible(new CertificateVisibility(Set.of(), teams.teamsOf(bob), bob))).containsExactly(ofWeb.id());
        assertThat(visible(new CertificateVisibility(Set.of(), Set.of(), alice))).containsExactly(inProd.id());
        assertThat(visible(new CertificateVisibility(Set.of(), Set.of(), null))).isEmpty();
        assertThat(visible(CertificateVisibility.ALL)).containsExactly(inProd.id(), ofWeb.id(), global.id());
        assertThat(certificates.list(new CertificateFilter(null, web.id(), null, null, null, null, null, 0, 10, null)))
                .extracting(StoredCertificate::id).containsExactly(ofWeb.id());

        // a user deleted and re-created under the same name is not the owner
        dsl.execute("DELETE FROM app_user WHERE id = ?", alice);
        user("alice");
        assertThat(certificates.require(inProd.id()).ownership().userId()).isNull();
        assertThat(teams.removeMember(web.id(), bob)).isTrue();
        assertThat(teams.teamsOf(bob)).isEmpty();
    }

    private List<Long> visible(CertificateVisibility v) {
        return certificates.list(new CertificateFilter(null, null, null, null, null, null, null, 0, 100, v)).stream()
                .map(StoredCertificate::id).toList();
    }

    @Test
    void theHourlyIssuanceCountNeverPassesItsLimitUnderParallelRequests() throws Exception {
        JooqIssuanceQuota quota = new JooqIssuanceQuota(dsl);
        Instant hour = Instant.parse("2026-12-07T09:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<Boolean> take = () -> quota.tryTake("alice", hour, 5);
            List<Future<Boolean>> all = pool.invokeAll(java.util.Collections.nCopies(20, take));
            long granted = all.stream().filter(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count();
            assertThat(granted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(quota.used("alice", hour)).isEqualTo(5);
        assertThat(quota.tryTake("alice", hour.plus(Duration.ofHours(1)), 5)).isTrue();
        assertThat(quota.tryTake("bob", hour, 5)).isTrue();
    }

    @Test
    void freeTextOwnersAreBoundOnlyToTheUserOfThatNameAndTheRestBecomeNotes() {
        // the schema as it was before ownership was bound, with free-text owners and teams
        dsl.execute("DROP SCHEMA public CASCADE");
        dsl.execute("CREATE SCHEMA public");
        Flyway.configure().dataSource(db.dataSource()).locations(Migrations.LOCATION).target("202611221440").load().migrate();
        long alice = user("alice");
        insertOld(1, "alice", "web");
        insertOld(2, "ghost@corp.example", null);
        insertOld(3, "alice", "bad team!");
        Flyway.configure().dataSource(db.dataSource()).locations(Migrations.LOCATION).target("202612070920").load().migrate();

        StoredCertificate bound = certificates.require(1);
        assertThat(bound.ownership().userId()).isEqualTo(alice);
        assertThat(bound.ownership().team()).isEqualTo("web");
        assertThat(bound.ownership().note()).isNull();
        StoredCertificate unbound = certificates.require(2);
        assertThat(unbound.ownership().userId()).isNull();
        assertThat(unbound.ownership().note()).isEqualTo("ghost@corp.example");
        assertThat(unbound.ownerLabel()).isEqualTo("(unowned; was 'ghost@corp.example')");
        assertThat(certificates.require(3).ownership().teamId()).isNull();
        assertThat(certificates.require(3).ownership().note()).isEqualTo("team bad team!");
        assertThat(teams.find("web").orElseThrow().members()).isEmpty();
        // a user who later takes the old owner's name (an OIDC sign-in, say) gains nothing
        user("ghost@corp.example");
        assertThat(certificates.require(2).ownership().userId()).isNull();
    }

    private void insertOld(long id, String owner, String team) {
        dsl.execute("INSERT INTO certificate (id, source, status, serial, issuer, subject, not_before, not_after, "
                + "key_algorithm, key_bits, signature_algorithm, sha256_fingerprint, certificate_pem, owner, team, created_by) "
                + "VALUES (?, 'IMPORTED', 'ACTIVE', ?, 'CN=ca', 'CN=x', now(), now() + interval '1 day', 'EC', 256, "
                + "'SHA256withECDSA', ?, 'PEM', ?, ?, 'test')", id, "s" + id, "fp" + id, owner, team);
    }
}
