package io.watchkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.db.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Findings lists are rendered once per filter combination: every combination, asked again with other
 * values, answers exactly what a plain filter over all rows answers (rank order, keyset pages, scope).
 */
class FindingListTest {

    private static final String[] CHECKS = {"aws.s3.bucket/public-read", "aws.s3.bucket/no-logging", "aws.iam.user/no-mfa",
            "gcp.storage.bucket/public", "aws.ec2.security-group/open-ssh", "aws.s3.bucket/100%_sure!"};
    private static final String[] TYPES = {"aws.s3.bucket", "aws.iam.user", "gcp.storage.bucket", "aws.ec2.security-group"};
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "global"};

    private static JooqFindingReader reader;
    private static List<FindingView> all;
    private static List<Account> accounts;

    @BeforeAll
    static void seed() {
        DSLContext dsl = TestDatabase.fresh().dsl();
        reader = new JooqFindingReader(dsl);
        JooqAccountStore store = new JooqAccountStore(dsl);
        accounts = List.of(
                store.add(new AccountSpec(Provider.AWS, "prod", "111111111111", AccountAccess.NONE, List.of(), Map.of(), false)),
                store.add(new AccountSpec(Provider.AWS, "dev", "222222222222", AccountAccess.NONE, List.of(), Map.of(), false)),
                store.add(new AccountSpec(Provider.AWS, "sandbox", "333333333333", AccountAccess.NONE, List.of(), Map.of(), false)));
        Random random = new Random(7);
        for (Account a : accounts) {
            dsl.execute("INSERT INTO item (account_id, resource_type, scope_region, region, resource_id, name) "
                    + "VALUES (?, 'aws.s3.bucket', 'eu-west-1', 'eu-west-1', ?, ?)", a.id(), "arn:" + a.name(), a.name());
        }
        String[] statuses = {"OPEN", "OPEN", "REGRESSED", "FIXED", "SUPPRESSED", "DISABLED"};
        for (int g = 0; g < 600; g++) {
            Account a = accounts.get(random.nextInt(accounts.size()));
            String type = TYPES[random.nextInt(TYPES.length)];
            String severity = Severity.values()[random.nextInt(Severity.values().length)].name();
            int score = random.nextInt(12) * 9; // many ties: the id decides within a score
            String name = (random.nextBoolean() ? "Billing-" : "logs_") + Integer.toHexString(random.nextInt(4096));
            dsl.execute("INSERT INTO finding (fingerprint, check_id, account_id, item_id, resource_type, region, resource_id, "
                            + "resource_name, evidence_key, evidence, evidence_hash, message, severity, exposure, score, "
                            + "score_breakdown, controls, status) SELECT ?, ?, ?, i.id, ?, ?, ?, ?, 'k', '{}'::jsonb, 'h', 'm', ?, "
                            + "'INTERNET', ?, jsonb_build_object('severity', ?, 'severityBase', 40, 'exposure', 'INTERNET', "
                            + "'exposureFactor', 1.0, 'contextFactor', 1.0, 'context', 'none', 'score', ?), '{}', ? "
                            + "FROM item i WHERE i.account_id = ?",
                    "fp" + g, CHECKS[random.nextInt(CHECKS.length)], a.id(), type, REGIONS[random.nextInt(REGIONS.length)],
                    "id-" + g + (random.nextInt(5) == 0 ? "-Billing" : ""), name, severity, score, severity, score,
                    statuses[random.nextInt(statuses.length)], a.id());
        }
        all = reader.list(new FindingFilter(EnumSet.allOf(FindingStatus.class), null, null, null, null, null, null,
                null, null, 5000));
        assertThat(all).hasSize(600);
    }

    private static final Comparator<FindingView> RANK = Comparator.comparingInt((FindingView f) -> -f.score())
            .thenComparingLong(FindingView::id);

    /** What the list must answer, by a plain filter over every finding. */
    private static List<Long> expected(FindingFilter f) {
        Predicate<FindingView> p = v -> f.statuses().contains(v.status());
        if (f.account() != null) {
            p = p.and(v -> v.account().equals(f.account()));
        }
        if (f.check() != null) {
            String regex = "\\Q" + f.check().replace("*", "\\E.*\\Q") + "\\E";
            p = p.and(v -> v.check().matches(regex));
        }
        if (f.type() != null) {
            p = p.and(v -> f.type().matches("[a-z]+") ? v.type().startsWith(f.type() + ".") : v.type().equals(f.type()));
        }
        if (f.region() != null) {
            p = p.and(v -> v.region().equals(f.region()));
        }
        if (f.minSeverity() != null) {
            p = p.and(v -> v.severity().ordinal() >= f.minSeverity().ordinal());
        }
        if (f.resource() != null) {
            String needle = f.resource().toLowerCase(Locale.ROOT);
            p = p.and(v -> v.resourceId().toLowerCase(Locale.ROOT).contains(needle)
                    || v.resourceName().toLowerCase(Locale.ROOT).contains(needle));
        }
        if (!f.scope().unrestricted()) {
            p = p.and(v -> f.scope().accountIds().contains(v.accountKey()));
        }
        if (f.afterScore() != null) {
            p = p.and(v -> -v.score() > -f.afterScore() || (v.score() == f.afterScore() && v.id() > f.afterId()));
        }
        return all.stream().filter(p).sorted(RANK).limit(f.limit()).map(FindingView::id).toList();
    }

    @Test
    void everyFilterCombinationAskedTwiceWithOtherValuesAnswersExactlyThePlainFilter() {
        Random random = new Random(11);
        int nonEmpty = 0;
        for (int mask = 0; mask < 1 << 8; mask++) {
            for (int round = 0; round < 3; round++) { // same combination, new values: the cached SQL binds the new ones
                Set<FindingStatus> statuses = round == 0 ? Set.of() // the default: open and regressed
                        : EnumSet.of(FindingStatus.values()[random.nextInt(FindingStatus.values().length)], FindingStatus.OPEN);
                String account = (mask & 1) != 0 ? accounts.get(random.nextInt(3)).name() : null;
                String check = (mask & 2) != 0 ? switch (round) {
                    case 0 -> CHECKS[random.nextInt(CHECKS.length)];
                    case 1 -> "aws.s3.bucket/*";
                    default -> "*100%_*"; // LIKE's own characters in a pattern are literal
                } : null;
                String type = (mask & 4) != 0 ? (round == 1 ? "gcp" : TYPES[random.nextInt(TYPES.length)]) : null;
                String region = (mask & 8) != 0 ? REGIONS[random.nextInt(REGIONS.length)] : null;
                Severity min = (mask & 16) != 0 ? Severity.values()[random.nextInt(Severity.values().length)] : null;
                String resource = (mask & 32) != 0 ? (round == 2 ? "BILLING" : Integer.toHexString(random.nextInt(16))) : null;
                AccountScope scope = (mask & 64) != 0 ? AccountScope.of(round == 1 ? Set.of(accounts.get(0).id())
                        : Set.of(accounts.get(1).id(), accounts.get(2).id())) : AccountScope.ALL;
                int limit = 1 + random.nextInt(40);
                FindingFilter first = new FindingFilter(statuses, account, check, type, region, min, resource, null, null,
                        limit, scope);
                List<Long> page = reader.list(first).stream().map(FindingView::id).toList();
                assertThat(page).as("mask %d round %d: %s", mask, round, first).isEqualTo(expected(first));
                nonEmpty += page.isEmpty() ? 0 : 1;
                if ((mask & 128) != 0 && !page.isEmpty()) {
                    FindingView last = all.stream().filter(v -> v.id() == page.getLast()).findFirst().orElseThrow();
                    FindingFilter next = new FindingFilter(statuses, account, check, type, region, min, resource,
                            last.score(), last.id(), limit, scope);
                    assertThat(reader.list(next).stream().map(FindingView::id).toList())
                            .as("next page of mask %d round %d", mask, round).isEqualTo(expected(next));
                }
            }
        }
        assertThat(nonEmpty).as("combinations that found something").isGreaterThan(300);
    }

    @Test
    void keysetPagesWalkEveryOpenFindingOnceInRankOrder() {
        List<Long> walked = new ArrayList<>();
        Integer afterScore = null;
        Long afterId = null;
        while (true) {
            List<FindingView> page = reader.list(new FindingFilter(null, null, null, null, null, null, null,
                    afterScore, afterId, 7));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(v -> walked.add(v.id()));
            afterScore = page.getLast().score();
            afterId = page.getLast().id();
        }
        assertThat(walked).isEqualTo(all.stream().filter(v -> v.status() == FindingStatus.OPEN
                || v.status() == FindingStatus.REGRESSED).sorted(RANK).map(FindingView::id).toList());
    }
}
