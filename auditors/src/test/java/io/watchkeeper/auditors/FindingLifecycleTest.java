package io.watchkeeper.auditors;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.FindingChanges;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.finding.Justification;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.finding.StoredFinding;
import io.watchkeeper.core.finding.SuppressionRule;
import io.watchkeeper.core.json.Json;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingLifecycleTest {

    private static final String CHECK = "aws.ec2.security-group/admin-port-open";
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00Z");
    private final ItemSnapshot item = new ItemSnapshot(7, 1, "aws.ec2.security-group", "eu-west-1",
            "arn:aws:ec2:eu-west-1:111111111111:security-group/sg-1", "web", false, Json.object());

    private FindingLifecycle.Draft draft(String key, Object details, Severity severity) {
        Evidence e = Evidence.of(key, "SSH open", Exposure.INTERNET, details);
        return new FindingLifecycle.Draft(CHECK, e, Scoring.finding(severity, Exposure.INTERNET, null), List.of("CIS-AWS-3.0:5.2"));
    }

    private StoredFinding stored(String key, Object details, FindingStatus status, Justification j, int score) {
        Evidence e = Evidence.of(key, "SSH open", Exposure.INTERNET, details);
        return new StoredFinding(11, FindingLifecycle.fingerprint(CHECK, "111111111111", item, key), CHECK, item.itemId(),
                status, e.detailsHash(), score, "SSH open", j, null, 0, e.details());
    }

    private FindingChanges reconcile(List<StoredFinding> existing, List<FindingLifecycle.Draft> drafts, SuppressionRule rule,
                                     Set<String> disabled, ItemSnapshot target) {
        FindingChanges out = new FindingChanges(NOW);
        FindingLifecycle.reconcile(target, "111111111111", existing, drafts, Set.of(CHECK), disabled, c -> rule, NOW, out);
        return out;
    }

    private FindingChanges reconcile(List<StoredFinding> existing, List<FindingLifecycle.Draft> drafts) {
        return reconcile(existing, drafts, null, Set.of(), item);
    }

    @Test
    void newEvidenceOpensAFindingAndTheSameEvidenceWritesNothing() {
        FindingChanges first = reconcile(List.of(), List.of(draft("rule:22", Map.of("port", 22), Severity.HIGH)));
        assertThat(first.inserts()).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(FindingStatus.OPEN);
            assertThat(i.score().score()).isEqualTo(70);
        });
        assertThat(first.events()).extracting(FindingChanges.Event::event).containsExactly("opened");
        FindingChanges again = reconcile(List.of(stored("rule:22", Map.of("port", 22), FindingStatus.OPEN, null, 70)),
                List.of(draft("rule:22", Map.of("port", 22), Severity.HIGH)));
        assertThat(again.isEmpty()).isTrue();
    }

    @Test
    void aFindingWhoseCheckGainedControlsIsRemappedKeepingItsIdentityAndStatus() {
        Evidence e = Evidence.of("rule:22", "SSH open", Exposure.INTERNET, Map.of("port", 22));
        StoredFinding unmapped = new StoredFinding(11, FindingLifecycle.fingerprint(CHECK, "111111111111", item, "rule:22"),
                CHECK, item.itemId(), FindingStatus.OPEN, e.detailsHash(), 70, "SSH open", null, null, 0, e.details(),
                List.of());
        FindingChanges out = reconcile(List.of(unmapped), List.of(draft("rule:22", Map.of("port", 22), Severity.HIGH)));
        assertThat(out.inserts()).isEmpty();
        assertThat(out.updates()).singleElement().satisfies(u -> {
            assertThat(u.findingId()).isEqualTo(11);
            assertThat(u.status()).isNull();
            assertThat(u.controls()).containsExactly("CIS-AWS-3.0:5.2");
        });
        StoredFinding mapped = new StoredFinding(11, unmapped.fingerprint(), CHECK, item.itemId(), FindingStatus.OPEN,
                e.detailsHash(), 70, "SSH open", null, null, 0, e.details(), List.of("CIS-AWS-3.0:5.2"));
        assertThat(reconcile(List.of(mapped), List.of(draft("rule:22", Map.of("port", 22), Severity.HIGH))).isEmpty())
                .as("the same controls write nothing").isTrue();
    }

    @Test
    void theFingerprintIgnoresScoreAndWordingButNotEvidenceKeyOrResource() {
        String a = FindingLifecycle.fingerprint(CHECK, "111111111111", item, "rule:22");
        assertThat(a).isEqualTo(FindingLifecycle.fingerprint(CHECK, "111111111111", item, "rule:22"));
        assertThat(a).isNotEqualTo(FindingLifecycle.fingerprint(CHECK, "111111111111", item, "rule:3389"));
        ItemSnapshot other = new ItemSnapshot(8, 1, item.type(), item.region(), item.resourceId() + "x", "web2", false, null);
        assertThat(a).isNotEqualTo(FindingLifecycle.fingerprint(CHECK, "111111111111", other, "rule:22"));
    }

    @Test
    void aRescoreKeepsTheJustification() {
        Justification j = new Justification("alice", "bastion", NOW.plusDays(30),
                Evidence.of("rule:22", "x", Exposure.INTERNET, Map.of("port", 22)).detailsHash());
        FindingChanges out = reconcile(List.of(stored("rule:22", Map.of("port", 22), FindingStatus.JUSTIFIED, j, 70)),
                List.of(draft("rule:22", Map.of("port", 22), Severity.CRITICAL)));
        assertThat(out.updates()).singleElement().satisfies(u -> {
            assertThat(u.status()).isNull();
            assertThat(u.clearJustification()).isFalse();
            assertThat(u.score().score()).isEqualTo(90);
        });
        assertThat(out.events()).extracting(FindingChanges.Event::event).containsExactly("rescored");
    }

    @Test
    void aJustificationReopensWhenTheEvidenceGetsWorseOrExpires() {
        Justification j = new Justification("alice", "bastion only", NOW.plusDays(30),
                Evidence.of("rule:22", "x", Exposure.INTERNET, Map.of("cidr", "203.0.113.0/24")).detailsHash());
        FindingChanges worse = reconcile(List.of(stored("rule:22", Map.of("cidr", "203.0.113.0/24"),
                FindingStatus.JUSTIFIED, j, 70)), List.of(draft("rule:22", Map.of("cidr", "0.0.0.0/0"), Severity.HIGH)));
        assertThat(worse.updates()).singleElement().satisfies(u -> {
            assertThat(u.status()).isEqualTo(FindingStatus.OPEN);
            assertThat(u.clearJustification()).isTrue();
        });
        assertThat(worse.events()).extracting(FindingChanges.Event::event)
                .containsExactly("reopened-evidence-changed", "evidence-changed");

        Justification expired = new Justification("alice", "x", NOW.minusDays(1), j.evidenceHash());
        FindingChanges lapsed = reconcile(List.of(stored("rule:22", Map.of("cidr", "203.0.113.0/24"),
                FindingStatus.JUSTIFIED, expired, 70)), List.of(draft("rule:22", Map.of("cidr", "203.0.113.0/24"),
                Severity.HIGH)));
        assertThat(lapsed.updates().getFirst().status()).isEqualTo(FindingStatus.OPEN);
        assertThat(lapsed.events()).extracting(FindingChanges.Event::event).containsExactly("justification-expired");
    }

    @Test
    void goneEvidenceFixesAndReturningEvidenceRegresses() {
        FindingChanges fixed = reconcile(List.of(stored("rule:22", Map.of(), FindingStatus.OPEN, null, 70)), List.of());
        assertThat(fixed.updates()).singleElement().extracting(FindingChanges.Update::status).isEqualTo(FindingStatus.FIXED);
        FindingChanges back = reconcile(List.of(stored("rule:22", Map.of(), FindingStatus.FIXED, null, 70)),
                List.of(draft("rule:22", Map.of(), Severity.HIGH)));
        assertThat(back.updates()).singleElement().satisfies(u -> {
            assertThat(u.status()).isEqualTo(FindingStatus.REGRESSED);
            assertThat(u.regressed()).isTrue();
        });
    }

    @Test
    void suppressionDisablingAndDeletion() {
        SuppressionRule rule = new SuppressionRule(5, "aws.ec2.security-group/*", null, null, "lab", "bob", null);
        FindingChanges suppressed = reconcile(List.of(stored("rule:22", Map.of(), FindingStatus.OPEN, null, 70)),
                List.of(draft("rule:22", Map.of(), Severity.HIGH)), rule, Set.of(), item);
        assertThat(suppressed.updates().getFirst().status()).isEqualTo(FindingStatus.SUPPRESSED);
        assertThat(suppressed.updates().getFirst().suppressionRuleId()).isEqualTo(5L);
        FindingChanges released = reconcile(List.of(stored("rule:22", Map.of(), FindingStatus.SUPPRESSED, null, 70)),
                List.of(draft("rule:22", Map.of(), Severity.HIGH)));
        assertThat(released.updates().getFirst().status()).isEqualTo(FindingStatus.OPEN);

        FindingChanges disabled = new FindingChanges(NOW);
        FindingLifecycle.reconcile(item, "111111111111", List.of(stored("rule:22", Map.of(), FindingStatus.OPEN, null, 70)),
                List.of(), Set.of(), Set.of(CHECK), c -> null, NOW, disabled);
        assertThat(disabled.updates().getFirst().status()).isEqualTo(FindingStatus.DISABLED);

        ItemSnapshot deleted = new ItemSnapshot(7, 1, item.type(), item.region(), item.resourceId(), "web", true, null);
        FindingChanges gone = reconcile(List.of(stored("rule:22", Map.of(), FindingStatus.JUSTIFIED,
                new Justification("a", "b", NOW.plusDays(1), "h"), 70)), List.of(), null, Set.of(), deleted);
        assertThat(gone.updates().getFirst().status()).isEqualTo(FindingStatus.FIXED);
        assertThat(gone.events()).extracting(FindingChanges.Event::event).containsExactly("fixed-resource-deleted");
    }

    @Test
    void scoresAreBoundedAndExplained() {
        var critical = Scoring.finding(Severity.CRITICAL, Exposure.INTERNET,
                new io.watchkeeper.core.model.Account(1, io.watchkeeper.core.model.Provider.AWS, "p", "111111111111",
                        null, List.of(), Map.of("env", "prod"), true, false));
        assertThat(critical.score()).isEqualTo(99);
        assertThat(critical.explain()).contains("critical 90").contains("account env=prod 1.1");
        assertThat(Scoring.item(List.of(99, 99, 99, 99, 99, 99))).isLessThanOrEqualTo(100);
        assertThat(Scoring.item(List.of(20, 20, 20))).isLessThan(Scoring.item(List.of(90)));
        assertThat(Scoring.item(List.of(70, 45))).isGreaterThanOrEqualTo(70);
        List<Integer> many = java.util.Collections.nCopies(10_000, 20);
        assertThat(Scoring.account(many)).isEqualTo(20);
        assertThat(Scoring.account(List.of(90, 10))).isBetween(10, 90);
    }
}
