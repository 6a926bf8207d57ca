package io.watchkeeper.iamtuner.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.PlanPrincipal;
import io.watchkeeper.core.tuner.PlanStatus;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqTunerPlanStore;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.evidence.CloudTrailMapping;
import io.watchkeeper.iamtuner.plan.ActionDecision;
import io.watchkeeper.iamtuner.plan.Coverage;
import io.watchkeeper.iamtuner.plan.Decision;
import io.watchkeeper.iamtuner.plan.PlanInput;
import io.watchkeeper.iamtuner.plan.Planner;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A plan's rows are stored compactly and read back whole: a role granted everything but a few services through
 * {@code Allow NotAction} (some 21,900 decided actions) is stored in well under 40 bytes per action (it was about 160
 * as one JSON object per decision, 3.5 MB a role), comes back with every decision, reason and last use as planned,
 * and the store takes rows from a lazy iterator batch by batch instead of needing the whole plan at once.
 */
class StoredPlanTest {

    private static final String ACCT = "123456789012";
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final ActionCatalog CATALOG = ActionCatalog.bundled();
    private static final Planner PLANNER = new Planner(CATALOG, CloudTrailMapping.load(CATALOG));

    private static String arn(String name) {
        return "arn:aws:iam::" + ACCT + ":role/" + name;
    }

    private static IamPrincipal role(String name, String document) {
        return new IamPrincipal(PrincipalType.ROLE, arn(name), name, "/", NOW.minus(Duration.ofDays(365)), Map.of(),
                new TreeMap<>(Map.of("inline", document)), List.of(), null, List.of());
    }

    private static List<PrincipalPlan> plan(List<IamPrincipal> roles) {
        List<UsageEvidence> evidence = new ArrayList<>();
        for (IamPrincipal r : roles) {
            evidence.add(new UsageEvidence(r.arn(), "s3:GetObject", EvidenceSource.CLOUDTRAIL, NOW.minus(Duration.ofDays(2)), 7,
                    "us-east-1"));
            evidence.add(new UsageEvidence(r.arn(), "sqs:SendMessage", EvidenceSource.CLOUDTRAIL, NOW.minus(Duration.ofDays(40)),
                    3, "us-east-1"));
            evidence.add(new UsageEvidence(r.arn(), "ec2:TerminateInstances", EvidenceSource.CLOUDTRAIL,
                    NOW.minus(Duration.ofDays(200)), 1, "us-east-1"));
        }
        Set<String> logged = Set.of("s3:getobject", "sqs:sendmessage", "sqs:deletequeue", "ec2:terminateinstances",
                "ec2:describeinstances", "dynamodb:deletetable");
        Coverage covered = new Coverage(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 30), true, Set.of("AWS::S3::Object"));
        return PLANNER.plan(new PlanInput(new AccountIam(roles, Map.of(), Map.of()), NOW, 90, Map.of(), List.of(), evidence,
                logged, List.of(), Map.of(), covered, null));
    }

    private static final String NOT_ACTION = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"NotAction\":[\"iam:*\",\"organizations:*\",\"account:*\"],\"Resource\":\"*\"}]}";

    private static PrincipalPlan notActionRole() {
        return plan(List.of(role("everything-but-iam", NOT_ACTION))).getFirst();
    }

    @Test
    void aNotActionRoleIsStoredInFewBytesPerActionAndReadBackWithEveryDecision() {
        PrincipalPlan p = notActionRole();
        assertThat(p.granted()).as("NotAction grants nearly the whole catalogue").isGreaterThan(15_000);
        assertThat(p.actions()).hasSizeGreaterThan(15_000);
        assertThat(p.actions()).extracting(ActionDecision::decision).contains(Decision.USED, Decision.UNUSED, Decision.UNKNOWN);

        PlanPrincipal row = PlanMaker.row(p);
        String stored = String.valueOf(row.detail());
        long bytes = stored.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("stored bytes per granted action (one JSON object per decision was ~160)")
                .isLessThan(40L * p.actions().size());

        PrincipalPlan back = PlanMaker.detail(row);
        assertThat(back).as("every decision, reason, level, last use and removal as planned, in the same order").isEqualTo(p);
        assertThat(back.actions()).isEqualTo(p.actions());
    }

    @Test
    void rowsStoredBeforeTheCompactFormAreStillRead() {
        PrincipalPlan p = plan(List.of(role("small", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:GetObject\",\"sqs:*\"],\"Resource\":\"*\"}]}"))).getFirst();
        PlanPrincipal legacy = new PlanPrincipal(0, p.arn(), "ROLE", p.eligible(), p.reason(), p.granted(), p.used(), p.unused(),
                p.unknown(), p.removed().size(), null, p.beforeHash(), Json.write(p));
        assertThat(PlanMaker.detail(legacy)).isEqualTo(p);
    }

    @Test
    void theStoreInsertsRowsBatchByBatchFromALazyIteratorAndReadsThemAllBack() {
        List<IamPrincipal> roles = new ArrayList<>();
        for (int i = 0; i < 2 * JooqTunerPlanStore.BATCH_ROWS + 7; i++) {
            roles.add(role(String.format("r%03d", i), i % 40 == 0 ? NOT_ACTION
                    : "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"sqs:*\","
                    + "\"ec2:TerminateInstances\"],\"Resource\":\"*\"}]}"));
        }
        List<PrincipalPlan> plans = plan(roles);
        TestDatabase db = TestDatabase.fresh();
        long accountId = new JooqAccountStore(db.dsl()).add(new AccountSpec(Provider.AWS, "stored", ACCT, AccountAccess.NONE,
                List.of("us-east-1"), Map.of(), false)).id();
        try (java.sql.Connection connection = db.dataSource().getConnection()) {
            // one connection: the iterator sees the rows the store's transaction inserted so far
            org.jooq.DSLContext one = org.jooq.impl.DSL.using(connection, org.jooq.SQLDialect.POSTGRES);
            storeLazily(one, accountId, plans);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void storeLazily(org.jooq.DSLContext one, long accountId, List<PrincipalPlan> plans) {
        JooqTunerPlanStore store = new JooqTunerPlanStore(one);
        AtomicInteger made = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();
        Iterable<PlanPrincipal> lazy = () -> new Iterator<>() {
            private final Iterator<PrincipalPlan> it = plans.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public PlanPrincipal next() {
                int inserted = one.fetchCount(one.selectFrom("tuner_plan_principal"));
                mostAhead.accumulateAndGet(made.incrementAndGet() - inserted, Math::max);
                return PlanMaker.row(it.next());
            }
        };
        TunerPlan stored = store.create(new TunerPlan(0, accountId, PlanStatus.PLANNED, "test", null, 90, null, "note", "bundled",
                null, null, null, null, null, Json.object()), lazy);
        assertThat(made.get()).isEqualTo(plans.size());
        assertThat(mostAhead.get()).as("rows taken ahead of the inserts: at most one batch").isLessThanOrEqualTo(
                JooqTunerPlanStore.BATCH_ROWS);
        List<PrincipalPlan> back = store.principals(stored.id()).stream().map(PlanMaker::detail).toList();
        assertThat(back).containsExactlyInAnyOrderElementsOf(plans);
    }
}
