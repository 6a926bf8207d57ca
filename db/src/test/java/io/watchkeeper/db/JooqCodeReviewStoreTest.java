package io.watchkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.core.code.CodeReviewStore.Found;
import io.watchkeeper.db.testing.TestDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook queue shared by nodes, deliveries once, findings by fingerprint, risks per repository and scope. */
class JooqCodeReviewStoreTest {

    private DSLContext dsl;
    private CodeReviewStore store;

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.fresh().dsl();
        store = new JooqCodeReviewStore(dsl);
    }

    @Test
    void nodesClaimDifferentJobsDeadNodesJobsAreTakenAgainAndAttemptsAreBounded() {
        assertThat(store.recordDelivery("d-1", "pull_request")).isTrue();
        assertThat(store.recordDelivery("d-1", "pull_request")).isFalse();
        store.enqueue("d-1", "pull-request", "{\"n\":1}");
        assertThat(store.recordDelivery("d-2", "pull_request")).isTrue();
        store.enqueue("d-2", "pull-request", "{\"n\":2}");

        CodeReviewStore.Job a = store.claim("node-a", Duration.ofMinutes(10), 3).orElseThrow();
        CodeReviewStore.Job b = store.claim("node-b", Duration.ofMinutes(10), 3).orElseThrow();
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a.payload()).contains("\"n\": 1");
        assertThat(store.claim("node-c", Duration.ofMinutes(10), 3)).isEmpty();
        store.finish(a.id(), null);
        assertThat(store.pending()).isEqualTo(1);

        // node-b died holding its job: after the stale time another node takes it, until the attempts run out
        CodeReviewStore.Job again = store.claim("node-c", Duration.ZERO, 3).orElseThrow();
        assertThat(again.id()).isEqualTo(b.id());
        assertThat(again.attempts()).isEqualTo(2);
        store.requeue(again.id(), "boom");
        assertThat(store.claim("node-c", Duration.ZERO, 3).orElseThrow().attempts()).isEqualTo(3);
        assertThat(store.claim("node-c", Duration.ZERO, 3)).isEmpty(); // gave up: failed
        assertThat(store.pending()).isZero();
        assertThat(dsl.fetchValue("SELECT error FROM code_job WHERE id = " + b.id())).isEqualTo("gave up after 3 attempts");
    }

    @Test
    void findingsAreKeptByFingerprintAcrossPushesAndRisksByRepositoryInScope() {
        long mine = ((Number) dsl.fetchValue(
                "INSERT INTO account (provider, name, external_id) VALUES ('github', 'acme', 'acme') RETURNING id")).longValue();
        long theirs = ((Number) dsl.fetchValue(
                "INSERT INTO account (provider, name, external_id) VALUES ('github', 'other', 'other') RETURNING id")).longValue();
        long repo = store.upsertRepository(mine, 7, "acme/web");
        assertThat(store.upsertRepository(mine, 7, "acme/web-renamed")).isEqualTo(repo);
        long otherRepo = store.upsertRepository(theirs, 8, "other/app");
        long pr = store.upsertPullRequest(repo, 1, "t", "dev", "a".repeat(40), "b".repeat(40));
        assertThat(store.upsertPullRequest(repo, 1, "t2", "dev", "c".repeat(40), "b".repeat(40))).isEqualTo(pr);

        List<CodeReviewStore.Finding> first = store.saveFindings(pr, "a".repeat(40), List.of(
                new Found("f1", "github-pat", "HIGH", "x.py", 2, 2, "m"), new Found("f2", "github-pat", "HIGH", "y.py", 1, 1, "m")));
        store.setComment(first.getFirst().id(), 99);
        List<CodeReviewStore.Finding> second = store.saveFindings(pr, "c".repeat(40), List.of(
                new Found("f1", "github-pat", "HIGH", "x.py", 5, 5, "m")));
        assertThat(second).hasSize(2);
        CodeReviewStore.Finding f1 = second.stream().filter(f -> f.fingerprint().equals("f1")).findFirst().orElseThrow();
        assertThat(f1.startLine()).isEqualTo(5);
        assertThat(f1.firstSha()).isEqualTo("a".repeat(40));
        assertThat(f1.lastSha()).isEqualTo("c".repeat(40));
        assertThat(f1.commentId()).isEqualTo(99);
        assertThat(second.stream().filter(f -> f.fingerprint().equals("f2")).findFirst().orElseThrow().present()).isFalse();
        assertThat(store.findingsByComment(repo, 99)).extracting(CodeReviewStore.Finding::fingerprint).containsExactly("f1");
        assertThat(store.findingsByComment(otherRepo, 99)).isEmpty();
        assertThat(store.pullRequest(pr).orElseThrow().openFindings()).isEqualTo(1);

        store.addRisk(repo, "f1", "ignore", "fixture", null, "alice");
        var replaced = store.addRisk(repo, "f1", "accept-risk", "later", LocalDate.now().plusDays(3), "bob");
        store.addRisk(otherRepo, "f9", "ignore", "x", null, "carol");
        assertThat(store.acceptedRisks(AccountScope.ALL, repo)).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(replaced.id()));
        assertThat(store.acceptedRisks(AccountScope.of(Set.of(mine)), null)).extracting(CodeReviewStore.AcceptedRisk::repository)
                .containsExactly("acme/web-renamed");
        assertThat(store.acceptedRisks(AccountScope.of(Set.of()), null)).isEmpty();
        assertThat(store.repositories(AccountScope.of(Set.of(theirs)))).extracting(CodeReviewStore.Repository::fullName)
                .containsExactly("other/app");
        assertThat(store.revokeRisk(replaced.id(), "dave")).isTrue();
        assertThat(store.revokeRisk(replaced.id(), "dave")).isFalse();
        assertThat(store.acceptedRisks(AccountScope.ALL, repo)).isEmpty();
    }
}
