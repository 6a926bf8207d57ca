package io.watchkeeper.iamtuner.lifecycle;

import static io.watchkeeper.iamtuner.testing.TunerScenario.APP;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP_INLINE;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP_TABLES;
import static io.watchkeeper.iamtuner.testing.TunerScenario.DEPLOYER;
import static io.watchkeeper.iamtuner.testing.TunerScenario.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.tuner.ChangeStatus;
import io.watchkeeper.core.tuner.PlanStatus;
import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.db.JooqEvidenceStore;
import io.watchkeeper.db.JooqTrailLogStore;
import io.watchkeeper.db.JooqTunerChangeStore;
import io.watchkeeper.db.JooqTunerPlanStore;
import io.watchkeeper.db.JooqTunerSettingsStore;
import io.watchkeeper.iamtuner.aws.PolicyText;
import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.evidence.CloudTrailMapping;
import io.watchkeeper.iamtuner.evidence.CloudTrailReader;
import io.watchkeeper.iamtuner.evidence.LastAccessedCollector;
import io.watchkeeper.iamtuner.plan.Decision;
import io.watchkeeper.iamtuner.plan.Planner;
import io.watchkeeper.iamtuner.plan.PolicyEdit;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import io.watchkeeper.iamtuner.policy.Policy;
import io.watchkeeper.iamtuner.testing.CloudTrailLogs;
import io.watchkeeper.iamtuner.testing.LastAccessedStub;
import io.watchkeeper.iamtuner.testing.TunerMoto;
import io.watchkeeper.iamtuner.testing.TunerScenario;
import io.watchkeeper.watchers.testing.Moto;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

/**
 * The tuner end to end over moto (IAM, S3, CloudTrail) and the real stores: three months of logs →
 * evidence → plan (exactly the unused actions, no ineligible principal) → apply → read back from moto →
 * an AccessDenied after the change → restore → rollback to byte-identical documents.
 */
class TunerLifecycleTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private LastAccessedStub stub;
    private TunerMoto env;
    private IamClient iam;
    private PlanMaker planner;
    private ChangeRunner runner;
    private EvidenceCollector collector;
    private DeniedWatch watch;
    private JooqTunerChangeStore changes;

    @BeforeEach
    void setUp() {
        Moto moto = Moto.withAwsManagedPolicies();
        stub = LastAccessedStub.start(moto.endpoint());
        stub.backdate(Duration.ofDays(200));
        stub.lastAccessedUnavailable(true);
        env = new TunerMoto(moto, stub.endpoint());
        iam = env.iam;
        TunerScenario.seedIam(iam);
        TunerScenario.seedTrail(env.s3, env.cloudTrail());
        CloudTrailLogs.write(env.s3, TunerScenario.BUCKET, "", TunerScenario.ACCOUNT, TunerScenario.threeMonths(now));
        ActionCatalog catalog = ActionCatalog.bundled();
        CloudTrailMapping mapping = CloudTrailMapping.load(catalog);
        var evidence = new JooqEvidenceStore(env.db.dsl());
        var trails = new JooqTrailLogStore(env.db.dsl());
        var plans = new JooqTunerPlanStore(env.db.dsl());
        changes = new JooqTunerChangeStore(env.db.dsl());
        var settings = new JooqTunerSettingsStore(env.db.dsl());
        Clock clock = Clock.systemUTC();
        planner = new PlanMaker(catalog, new Planner(catalog, mapping), evidence, trails, plans, settings, TunerDefaults.standard(), clock);
        runner = new ChangeRunner(catalog, plans, changes, evidence, TunerDefaults.standard(), clock);
        collector = new EvidenceCollector(new CloudTrailReader(trails, evidence, mapping, new CloudTrailReader.Settings(100, 1, 2,
                64L << 20), clock), new LastAccessedCollector(evidence, clock, Duration.ofSeconds(10), Duration.ofMillis(50)));
        watch = new DeniedWatch(changes, evidence, clock);
    }

    @AfterEach
    void tearDown() {
        env.close();
        stub.close();
        env.moto.reset();
    }

    private String inline(String role, String name) {
        return PolicyText.decode(iam.getRolePolicy(r -> r.roleName(role).policyName(name)).policyDocument());
    }

    private String defaultDocument(String policyArn) {
        String v = iam.getPolicy(r -> r.policyArn(policyArn)).policy().defaultVersionId();
        return PolicyText.decode(iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(v)).policyVersion().document());
    }

    private List<String> attached(String role) {
        return iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies().stream().map(AttachedPolicy::policyArn)
                .sorted().toList();
    }

    /** Everything the tuner may touch, as text, to compare before and after a rollback. */
    private Map<String, String> snapshot() {
        Map<String, String> s = new TreeMap<>();
        for (String r : List.of("app", "bounded", "wide")) {
            iam.listRolePolicies(x -> x.roleName(r)).policyNames().forEach(n -> s.put(r + "/" + n, inline(r, n)));
        }
        for (String r : List.of("worker", "reader-a", "reader-b", "ec2-reader", "bounded")) {
            s.put(r + " attached", attached(r).toString());
        }
        for (String p : List.of("worker-policy", "shared-read", "boundary")) {
            s.put(p, defaultDocument(TunerScenario.policyArn(p)));
        }
        iam.listUserPolicies(x -> x.userName("deployer")).policyNames().forEach(n -> s.put("deployer/" + n,
                PolicyText.decode(iam.getUserPolicy(x -> x.userName("deployer").policyName(n)).policyDocument())));
        return s;
    }

    @Test
    void planRemovesExactlyTheUnusedAppliesRestoresOnDenialAndRollsBackByteIdentical() {
        EvidenceCollector.Collected collected = collector.collect(env.account, env.session, true);
        assertThat(collected.cloudTrailError()).isNull();
        assertThat(collected.cloudTrail().files()).isGreaterThan(30);
        assertThat(collected.lastAccessed().unavailableReason()).startsWith("IAM last-accessed data unavailable");

        PlanMaker.Made made = planner.plan(env.account, env.session, null, null, "tester");
        assertThat(made.plan().evidenceNote()).contains("CloudTrail: log files read from").contains("decided on CloudTrail alone");
        Map<String, PrincipalPlan> byArn = made.principals().stream().collect(Collectors.toMap(PrincipalPlan::arn, p -> p));

        PrincipalPlan app = byArn.get(APP);
        assertThat(app.removed()).containsExactlyInAnyOrder("s3:DeleteObject", "sqs:DeleteQueue", "dynamodb:DeleteTable",
                "dynamodb:DescribeTable");
        assertThat(app.actions()).filteredOn(a -> a.decision() == Decision.USED).extracting(a -> a.action())
                .containsExactlyInAnyOrder("s3:GetObject", "s3:PutObject", "sqs:SendMessage");
        assertThat(app.proof().holds()).isTrue();
        assertThat(app.owner()).isEqualTo("team-app@example.com");
        assertThat(byArn.get(role("worker")).removed()).containsExactlyInAnyOrder("ec2:TerminateInstances", "ec2:DescribeVolumes");
        assertThat(byArn.get(role("bounded")).removed()).containsExactlyInAnyOrder("s3:GetObject", "s3:PutObject");
        assertThat(byArn.get(DEPLOYER).removed()).containsExactly("lambda:DeleteFunction");
        assertThat(byArn.get(role("ec2-reader")).removed()).contains("ec2:DescribeVolumes", "ec2:DescribeSecurityGroups",
                "autoscaling:DescribeAutoScalingGroups").doesNotContain("ec2:DescribeInstances");
        PrincipalPlan wide = byArn.get(role("wide"));
        assertThat(wide.removed()).as("%s %s %s", wide.reason(), wide.notes(), wide.unused()).contains("s3:GetObject", "ec2:TerminateInstances")
                .doesNotContain("sqs:SendMessage");
        PrincipalPlan shared = byArn.get(TunerScenario.policyArn("shared-read"));
        assertThat(shared.type()).isEqualTo(PrincipalType.POLICY);
        assertThat(shared.removed()).containsExactly("sqs:DeleteQueue");
        for (String never : List.of(role("norepo"), role("opted"), role("young-role"),
                "arn:aws:iam::" + TunerScenario.ACCOUNT + ":role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk")) {
            assertThat(byArn.get(never)).as(never).isNotNull();
            assertThat(byArn.get(never).eligible()).isFalse();
            assertThat(byArn.get(never).edits()).isEmpty();
        }
        assertThat(made.principals()).filteredOn(PrincipalPlan::changes)
                .allSatisfy(p -> assertThat(p.proof().holds()).as(p.arn()).isTrue());

        Map<String, String> before = snapshot();
        assertThatThrownBy(() -> runner.apply(made.plan(), env.session, "tester", false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not scheduled");
        ChangeRunner.Applied applied = runner.apply(made.plan(), env.session, "tester", true);
        assertThat(applied.skipped()).isEmpty();
        assertThat(applied.plan().status()).isEqualTo(PlanStatus.APPLIED);
        assertThat(applied.changes()).allSatisfy(c -> assertThat(c.status()).as(c.principalArn()).isEqualTo(ChangeStatus.APPLIED));

        // read back from moto: exactly the planned documents
        PolicyEdit appEdit = app.edits().stream().filter(e -> e.policyName().equals("app-inline")).findFirst().orElseThrow();
        assertThat(inline("app", "app-inline")).isEqualTo(appEdit.after());
        assertThat(iam.listRolePolicies(r -> r.roleName("app")).policyNames()).containsExactly("app-inline");
        Policy appNow = Policy.parse("x", inline("app", "app-inline"));
        assertThat(appNow.statements().get(2).allow()).isFalse();
        assertThat(appNow.statements().get(0).condition()).contains("SecureTransport");
        assertThat(appNow.statements().get(1).matchesAction("sqs:DeleteQueue")).isFalse();
        assertThat(appNow.statements().get(1).matchesAction("sqs:ListQueues")).as("unknown stays").isTrue();
        assertThat(Policy.parse("w", defaultDocument(TunerScenario.policyArn("worker-policy"))).statements().getFirst().actions())
                .containsExactly("ec2:DescribeInstances");
        assertThat(defaultDocument(TunerScenario.policyArn("shared-read"))).doesNotContain("DeleteQueue").contains("s3:ListBucket");
        assertThat(attached("ec2-reader")).hasSize(1).allMatch(a -> a.contains(":policy/watchkeeper-tuner/WkTuned-AmazonEC2ReadOnlyAccess-"));
        assertThat(defaultDocument(TunerScenario.policyArn("boundary"))).isEqualTo(before.get("boundary"));
        assertThat(Policy.countedLength(inline("wide", "wide-inline"))).isLessThanOrEqualTo(10_240);

        // the app is denied a removed action after the change: alert, then restore
        CloudTrailLogs.write(env.s3, TunerScenario.BUCKET, "", TunerScenario.ACCOUNT, List.of(
                CloudTrailLogs.role(APP, "s3.amazonaws.com", "DeleteObject", Instant.now().plusSeconds(60)).asData().denied()));
        collector.collect(env.account, env.session, false);
        List<DeniedWatch.Alert> alerts = watch.check();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.change().principalArn()).isEqualTo(APP);
            assertThat(a.denials()).extracting(d -> d.action()).containsExactly("s3:DeleteObject");
        });
        assertThat(watch.check()).as("each denial is reported once").isEmpty();
        TunerChange appChange = alerts.getFirst().change();
        TunerChange restored = runner.rollback(appChange, env.session, "job:tuner", "AccessDenied on s3:DeleteObject");
        assertThat(restored.status()).isEqualTo(ChangeStatus.ROLLED_BACK);
        assertThat(inline("app", "app-inline")).isEqualTo(APP_INLINE);
        assertThat(inline("app", "app-tables")).isEqualTo(APP_TABLES);

        for (TunerChange c : applied.changes()) {
            if (c.id() != appChange.id()) {
                assertThat(runner.rollback(changes.find(c.id()).orElseThrow(), env.session, "tester", "test").status())
                        .as(c.principalArn()).isEqualTo(ChangeStatus.ROLLED_BACK);
            }
        }
        assertThat(snapshot()).as("every document byte-identical to before the change").isEqualTo(before);
        assertThat(iam.listPolicies(r -> r.scope("Local").pathPrefix("/watchkeeper-tuner/")).policies()).as("copies removed").isEmpty();
    }

    /**
     * Repokid's rollback bug class: a rollback must put back exactly what the change took away — here a change
     * that stopped part-way (IAM refused the second edit) rolls back the edit it made and touches nothing else,
     * and a second rollback of the same change is refused.
     */
    @Test
    void aChangeThatStoppedPartWayRollsBackExactlyWhatItMade() {
        collector.collect(env.account, env.session, false);
        PlanMaker.Made made = planner.plan(env.account, env.session, APP, null, "tester");
        assertThat(made.principals()).singleElement().satisfies(p -> assertThat(p.edits()).extracting(PolicyEdit::policyName)
                .containsExactly("app-inline", "app-tables"));
        stub.fail("DeleteRolePolicy");
        ChangeRunner.Applied applied = runner.apply(made.plan(), env.session, "tester", true);
        stub.fail("");
        TunerChange change = applied.changes().getFirst();
        assertThat(change.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(change.error()).contains("injected failure");
        assertThat(applied.plan().status()).isEqualTo(PlanStatus.PARTIAL);
        ChangeRecord record = ChangeRecord.of(change.edits());
        assertThat(record.steps()).extracting(step -> step.result().applied()).containsExactly(true, false);
        assertThat(inline("app", "app-inline")).isNotEqualTo(APP_INLINE);
        assertThat(inline("app", "app-tables")).isEqualTo(APP_TABLES);

        TunerChange back = runner.rollback(change, env.session, "tester", "stopped part-way");
        assertThat(back.status()).isEqualTo(ChangeStatus.ROLLED_BACK);
        assertThat(ChangeRecord.of(back.edits()).steps()).extracting(step -> step.result().rolledBack()).containsExactly(true, false);
        assertThat(ChangeRecord.of(back.edits()).steps().getFirst().result().verified()).isTrue();
        assertThat(inline("app", "app-inline")).isEqualTo(APP_INLINE);
        assertThat(inline("app", "app-tables")).isEqualTo(APP_TABLES);
        assertThat(iam.listRolePolicies(r -> r.roleName("app")).policyNames()).containsExactly("app-inline", "app-tables");
        assertThatThrownBy(() -> runner.rollback(back, env.session, "tester", "again"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rolled_back");
    }

    /**
     * A customer-managed policy that already has IAM's five versions: the apply deletes the oldest non-default
     * version to make room (its document is kept with the change); the rollback makes the previous default
     * version the default again — same version id, same document — and removes the version it created.
     */
    @Test
    void aFullManagedPolicyGetsItsDefaultVersionBack() {
        String arn = TunerScenario.policyArn("worker-policy");
        String original = defaultDocument(arn);
        for (int i = 0; i < 4; i++) {
            String doc = original.replace("ec2:DescribeVolumes", "ec2:DescribeVolumes\",\"ec2:DescribeTags" + i);
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(doc).setAsDefault(false));
        }
        String defaultBefore = iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId();
        collector.collect(env.account, env.session, false);
        PlanMaker.Made made = planner.plan(env.account, env.session, role("worker"), null, "tester");
        ChangeRunner.Applied applied = runner.apply(made.plan(), env.session, "tester", true);
        TunerChange change = applied.changes().getFirst();
        assertThat(change.status()).isEqualTo(ChangeStatus.APPLIED);
        EditResult result = ChangeRecord.of(change.edits()).steps().getFirst().result();
        assertThat(result.deletedVersionId()).as("the oldest non-default version").isIn("v2", "v3", "v4", "v5");
        assertThat(result.deletedVersionDocument()).contains("ec2:DescribeTags");
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo(result.newVersionId());
        assertThat(defaultDocument(arn)).doesNotContain("TerminateInstances");

        TunerChange back = runner.rollback(change, env.session, "tester", "test");
        assertThat(back.status()).isEqualTo(ChangeStatus.ROLLED_BACK);
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo(defaultBefore);
        assertThat(defaultDocument(arn)).isEqualTo(original);
        List<String> left = new java.util.ArrayList<>(List.of("v1", "v2", "v3", "v4", "v5"));
        left.remove(result.deletedVersionId());
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).extracting(v -> v.versionId())
                .containsExactlyInAnyOrderElementsOf(left);
    }
}
