package io.watchkeeper.iamtuner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.LastAccessedRun;
import io.watchkeeper.core.tuner.OptOut;
import io.watchkeeper.core.tuner.UnmappedEvent;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.ManagedPolicy;
import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.evidence.CloudTrailMapping;
import io.watchkeeper.iamtuner.policy.Policy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Planning decisions on a hand-built account: what is removed, kept, unknown, and who is not touched. */
class PlannerTest {

    private static final String ACCT = "123456789012";
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(365));
    private final ActionCatalog catalog = ActionCatalog.bundled();
    private final Planner planner = new Planner(catalog, CloudTrailMapping.load(catalog));
    private final List<UsageEvidence> evidence = new ArrayList<>();
    private final Set<String> logged = new java.util.HashSet<>(Set.of("s3:getobject", "s3:putobject", "s3:deleteobject",
            "s3:listbucket", "sqs:sendmessage", "sqs:deletequeue", "ec2:describeinstances", "ec2:terminateinstances",
            "dynamodb:getitem", "dynamodb:deletetable"));
    private static final Coverage COVERED = new Coverage(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 30), true,
            Set.of("AWS::S3::Object"));

    private static String arn(String kind, String name) {
        return "arn:aws:iam::" + ACCT + ":" + kind + "/" + name;
    }

    private static String doc(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    private static IamPrincipal role(String name, Map<String, String> inline, List<String> attached, String boundary,
                                     Instant created, Map<String, String> tags) {
        return new IamPrincipal(PrincipalType.ROLE, arn("role", name), name, "/", created, tags, new TreeMap<>(inline),
                attached, boundary, List.of());
    }

    private void used(String principal, String action, Instant when) {
        evidence.add(new UsageEvidence(principal, action, EvidenceSource.CLOUDTRAIL, when, 5, "us-east-1"));
    }

    private Map<String, PrincipalPlan> plan(AccountIam iam, List<OptOut> optOuts, Coverage coverage,
                                            Map<String, LastAccessedRun> la, List<UnmappedEvent> unmapped) {
        return planner.plan(new PlanInput(iam, NOW, 90, Map.of(), optOuts, evidence, logged, unmapped, la, coverage, null))
                .stream().collect(Collectors.toMap(PrincipalPlan::arn, p -> p));
    }

    private static Map<String, Decision> decisions(PrincipalPlan p) {
        return p.actions().stream().collect(Collectors.toMap(ActionDecision::action, ActionDecision::decision));
    }

    @Test
    void removesExactlyTheUnusedActionsAndProvesIt() {
        String app = arn("role", "app");
        IamPrincipal role = role("app", Map.of("app-inline", doc(
                "{\"Sid\":\"Rw\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:DeleteObject\"],"
                        + "\"Resource\":\"arn:aws:s3:::data/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}},"
                        + "{\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::data/keep/*\"}")),
                List.of(), null, OLD, Map.of());
        used(app, "s3:GetObject", NOW.minus(Duration.ofDays(3)));
        used(app, "s3:PutObject", NOW.minus(Duration.ofDays(80)));
        used(app, "sqs:SendMessage", NOW.minus(Duration.ofDays(1)));
        used(app, "s3:DeleteObject", NOW.minus(Duration.ofDays(200)));
        PrincipalPlan p = plan(new AccountIam(List.of(role), Map.of(), Map.of()), List.of(), COVERED, Map.of(), List.of()).get(app);
        Map<String, Decision> d = decisions(p);
        assertThat(d).containsEntry("s3:GetObject", Decision.USED).containsEntry("s3:PutObject", Decision.USED)
                .containsEntry("sqs:SendMessage", Decision.USED).containsEntry("s3:DeleteObject", Decision.UNUSED)
                .containsEntry("sqs:DeleteQueue", Decision.UNUSED).containsEntry("sqs:ListQueues", Decision.UNKNOWN);
        assertThat(p.removed()).contains("s3:DeleteObject", "sqs:DeleteQueue").doesNotContain("s3:GetObject",
                "s3:PutObject", "sqs:SendMessage", "sqs:ListQueues");
        assertThat(p.proof().holds()).isTrue();
        PolicyEdit edit = p.edits().getFirst();
        assertThat(edit.kind()).isEqualTo(PolicyEdit.Kind.INLINE);
        Policy after = Policy.parse("x", edit.after());
        assertThat(after.statements().getFirst().condition()).contains("aws:SecureTransport");
        assertThat(after.statements().get(2).node().toString()).contains("Deny").contains("data/keep/*");
        assertThat(p.actions().stream().filter(ActionDecision::removed).map(ActionDecision::action))
                .containsExactlyInAnyOrderElementsOf(p.removed());
    }

    @Test
    void ineligiblePrincipalsAreNeverTouched() {
        String admin = doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
        IamPrincipal young = role("young", Map.of("p", admin), List.of(), null, NOW.minus(Duration.ofDays(10)), Map.of());
        IamPrincipal tagged = role("tagged", Map.of("p", admin), List.of(), null, OLD, Map.of("watchkeeper:tuner", "opt-out"));
        IamPrincipal listed = role("listed", Map.of("p", admin), List.of(), null, OLD, Map.of());
        IamPrincipal noRepo = role("norepo", Map.of("p", doc("{\"Sid\":\"NOREPO1\",\"Effect\":\"Allow\",\"Action\":\"sqs:*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}")), List.of(), null, OLD, Map.of());
        IamPrincipal linked = new IamPrincipal(PrincipalType.ROLE, arn("role", "aws-service-role/x/AWSServiceRoleForX"),
                "AWSServiceRoleForX", "/aws-service-role/x/", OLD, Map.of(), new TreeMap<>(Map.of("p", admin)), List.of(), null, List.of());
        IamPrincipal broken = role("broken", Map.of("p", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}"),
                List.of(), null, OLD, Map.of());
        OptOut optOut = new OptOut(1, 1, arn("role", "listed"), "team-data", "quarter-end jobs", NOW.plus(Duration.ofDays(30)),
                "alice", NOW);
        Map<String, PrincipalPlan> plans = plan(new AccountIam(List.of(young, tagged, listed, noRepo, linked, broken), Map.of(),
                Map.of()), List.of(optOut), COVERED, Map.of(), List.of());
        assertThat(plans.values()).allSatisfy(p -> {
            assertThat(p.eligible()).as(p.arn()).isFalse();
            assertThat(p.edits()).isEmpty();
        });
        assertThat(plans.get(arn("role", "young")).reason()).startsWith("younger than the look-back window");
        assertThat(plans.get(arn("role", "tagged")).reason()).contains("tag");
        assertThat(plans.get(arn("role", "listed")).reason()).contains("team-data").contains("quarter-end jobs");
        assertThat(plans.get(arn("role", "norepo")).reason()).contains("NOREPO");
        assertThat(plans.get(linked.arn()).reason()).contains("service-linked");
        assertThat(plans.get(arn("role", "broken")).reason()).contains("Resource");
    }

    @Test
    void managedPoliciesSharedAwsManagedAndBoundaries() {
        String shared = "arn:aws:iam::" + ACCT + ":policy/shared-data";
        String awsPolicy = "arn:aws:iam::aws:policy/AmazonEC2FullAccess";
        String boundary = "arn:aws:iam::" + ACCT + ":policy/boundary";
        Map<String, ManagedPolicy> policies = Map.of(
                shared, new ManagedPolicy(shared, "shared-data", "/", false, "v1",
                        doc("{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\",\"dynamodb:DeleteTable\",\"s3:GetObject\"],\"Resource\":\"*\"}"),
                        List.of("v1")),
                awsPolicy, new ManagedPolicy(awsPolicy, "AmazonEC2FullAccess", "/", true, "v5",
                        doc("{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}"), List.of("v5")),
                boundary, new ManagedPolicy(boundary, "boundary", "/", false, "v1",
                        doc("{\"Effect\":\"Allow\",\"Action\":[\"ec2:*\",\"dynamodb:*\",\"s3:*\"],\"Resource\":\"*\"}"), List.of("v1")));
        IamPrincipal a = role("a", Map.of(), List.of(shared, awsPolicy), boundary, OLD, Map.of());
        IamPrincipal b = role("b", Map.of(), List.of(shared), null, OLD, Map.of());
        used(a.arn(), "dynamodb:GetItem", NOW.minus(Duration.ofDays(2)));
        used(a.arn(), "ec2:DescribeInstances", NOW.minus(Duration.ofDays(2)));
        used(b.arn(), "s3:GetObject", NOW.minus(Duration.ofDays(2)));
        List<PrincipalPlan> all = planner.plan(new PlanInput(new AccountIam(List.of(a, b), Map.of(), policies), NOW, 90, Map.of(),
                List.of(), evidence, logged, List.of(), Map.of(), COVERED, null));
        PrincipalPlan sharedPlan = all.stream().filter(p -> p.type() == PrincipalType.POLICY).findFirst().orElseThrow();
        assertThat(sharedPlan.arn()).isEqualTo(shared);
        assertThat(sharedPlan.removed()).as("only what neither uses").containsExactly("dynamodb:DeleteTable");
        assertThat(sharedPlan.proof().holds()).isTrue();
        PrincipalPlan pa = all.stream().filter(p -> p.arn().equals(a.arn())).findFirst().orElseThrow();
        PolicyEdit copy = pa.edits().stream().filter(e -> e.kind() == PolicyEdit.Kind.AWS_MANAGED_COPY).findFirst().orElseThrow();
        assertThat(copy.copyName()).startsWith("WkTuned-AmazonEC2FullAccess-");
        Policy copied = Policy.parse("copy", copy.after());
        assertThat(copied.statements().getFirst().matchesAction("ec2:DescribeInstances")).isTrue();
        assertThat(copied.statements().getFirst().matchesAction("ec2:TerminateInstances")).isFalse();
        assertThat(Policy.countedLength(copy.after())).as("re-compressed into wildcards to fit").isLessThanOrEqualTo(SizeLimits.MANAGED);
        assertThat(copy.after()).contains("ec2:D*");
        assertThat(pa.removed()).contains("ec2:TerminateInstances", "dynamodb:DeleteTable").doesNotContain("s3:GetObject");
        assertThat(pa.proof().holds()).isTrue();
        assertThat(pa.edits()).noneMatch(e -> boundary.equals(e.policyArn()));

        // one of the two opts out: the shared policy stays whole, the other's own policies are still tuned
        List<PrincipalPlan> again = planner.plan(new PlanInput(new AccountIam(List.of(a, b), Map.of(), policies), NOW, 90, Map.of(),
                List.of(new OptOut(1, 1, b.arn(), "o", "r", NOW.plus(Duration.ofDays(1)), "x", NOW)), evidence, logged, List.of(),
                Map.of(), COVERED, null));
        assertThat(again).noneMatch(p -> p.type() == PrincipalType.POLICY);
        assertThat(again.stream().filter(p -> p.arn().equals(a.arn())).findFirst().orElseThrow().notes())
                .anyMatch(n -> n.contains("shared-data kept"));
    }

    @Test
    void withoutEvidenceOfAbsenceActionsAreUnknownAndKept() {
        IamPrincipal r = role("r", Map.of("p", doc("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:DeleteObject\","
                + "\"ec2:TerminateInstances\"],\"Resource\":\"*\"}")), List.of(), null, OLD, Map.of());
        Map<String, PrincipalPlan> none = plan(new AccountIam(List.of(r), Map.of(), Map.of()), List.of(), Coverage.NONE, Map.of(), List.of());
        assertThat(decisions(none.get(r.arn())).values()).containsOnly(Decision.UNKNOWN);
        assertThat(none.get(r.arn()).actions().getFirst().reason()).contains("no CloudTrail");
        assertThat(none.get(r.arn()).edits()).isEmpty();

        Coverage shortLogs = new Coverage(LocalDate.ofInstant(NOW.minus(Duration.ofDays(20)), ZoneOffset.UTC),
                LocalDate.of(2026, 11, 30), true, Set.of());
        assertThat(decisions(plan(new AccountIam(List.of(r), Map.of(), Map.of()), List.of(), shortLogs, Map.of(), List.of())
                .get(r.arn())).values()).containsOnly(Decision.UNKNOWN);

        // data events the trail does not record for every resource stay unknown; unmapped calls keep their service
        Coverage noData = new Coverage(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 30), true, Set.of());
        Map<String, PrincipalPlan> p = plan(new AccountIam(List.of(r), Map.of(), Map.of()), List.of(), noData, Map.of(),
                List.of(new UnmappedEvent(r.arn(), "ec2.amazonaws.com", "SomethingNew", NOW, 1)));
        assertThat(decisions(p.get(r.arn()))).containsEntry("s3:GetObject", Decision.UNKNOWN)
                .containsEntry("ec2:TerminateInstances", Decision.UNKNOWN);
    }

    @Test
    void lastAccessedDataDecidesWhatItTracks() {
        IamPrincipal r = role("r", Map.of("p", doc("{\"Effect\":\"Allow\",\"Action\":[\"s3:PutBucketPolicy\",\"s3:GetBucketPolicy\","
                + "\"kinesis:PutRecord\"],\"Resource\":\"*\"}")), List.of(), null, OLD, Map.of());
        evidence.add(new UsageEvidence(r.arn(), "s3:GetBucketPolicy", EvidenceSource.LAST_ACCESSED_ACTION, NOW.minus(Duration.ofDays(5)), 0, null));
        evidence.add(new UsageEvidence(r.arn(), "s3:PutBucketPolicy", EvidenceSource.LAST_ACCESSED_ACTION, null, 0, null));
        evidence.add(new UsageEvidence(r.arn(), "s3:*", EvidenceSource.LAST_ACCESSED_SERVICE, NOW.minus(Duration.ofDays(5)), 0, null));
        evidence.add(new UsageEvidence(r.arn(), "kinesis:*", EvidenceSource.LAST_ACCESSED_SERVICE, null, 0, null));
        Map<String, LastAccessedRun> la = Map.of(r.arn(), new LastAccessedRun(r.arn(), true, null, NOW.minus(Duration.ofHours(2))));
        PrincipalPlan p = plan(new AccountIam(List.of(r), Map.of(), Map.of()), List.of(), Coverage.NONE, la, List.of()).get(r.arn());
        assertThat(decisions(p)).containsEntry("s3:GetBucketPolicy", Decision.USED)
                .containsEntry("s3:PutBucketPolicy", Decision.UNUSED).containsEntry("kinesis:PutRecord", Decision.UNUSED);
        assertThat(p.actions().stream().filter(a -> a.action().equals("kinesis:PutRecord")).findFirst().orElseThrow().reason())
                .contains("service level");
        assertThat(p.removed()).containsExactlyInAnyOrder("s3:PutBucketPolicy", "kinesis:PutRecord");
    }
}
