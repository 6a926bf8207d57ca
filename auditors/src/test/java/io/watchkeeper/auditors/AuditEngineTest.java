package io.watchkeeper.auditors;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.aws.ec2.SecurityGroupAdminPortOpenCheck;
import io.watchkeeper.auditors.aws.s3.S3BucketPublicAclCheck;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.FindingEvent;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.ObservedItem;
import io.watchkeeper.core.watch.ScopeSnapshot;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqAuditStore;
import io.watchkeeper.db.JooqFindingReader;
import io.watchkeeper.db.JooqFindingTriage;
import io.watchkeeper.db.JooqItemReader;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.core.item.ItemFilter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit engine over a real database: findings keep their identity through changes, overrides and triage. */
class AuditEngineTest {

    private DSLContext dsl;
    private Account account;
    private JooqSnapshotStore snapshots;
    private AuditEngine engine;
    private JooqFindingReader findings;
    private JooqFindingTriage triage;
    private long runId;

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.fresh().dsl();
        account = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "prod", "111111111111", AccountAccess.NONE,
                List.of("eu-west-1"), Map.of("env", "prod"), false));
        snapshots = new JooqSnapshotStore(dsl);
        engine = new AuditEngine(new CheckRegistry(List.of(new S3BucketPublicAclCheck(), new SecurityGroupAdminPortOpenCheck())),
                new JooqAuditStore(dsl), Map.of(), Clock.systemUTC());
        findings = new JooqFindingReader(dsl);
        triage = new JooqFindingTriage(dsl);
        runId = new JooqWatchRunStore(dsl).startRun("test", "test");
    }

    private <C extends Record> void store(String type, String region, String id, String name, C config) {
        WatchScope scope = new WatchScope(account, region, ResourceType.of(type));
        snapshots.applyScope(new ScopeSnapshot(scope, runId, List.of(new ObservedItem(id, name, region,
                CanonicalJson.of(config))), Set.of(), EphemeralPaths.of(config.getClass())::strip));
    }

    private static SecurityGroupConfig group(String cidr) {
        return Json.read(("{'groupId':'sg-1','groupName':'web','ingress':[{'protocol':'tcp','fromPort':22,'toPort':22,"
                + "'sourceType':'cidr4','source':'" + cidr + "'}],'egress':[],'tags':{}}").replace('\'', '"'),
                SecurityGroupConfig.class);
    }

    private static S3BucketConfig bucket(boolean publicRead) {
        String grant = publicRead
                ? ",{'granteeType':'Group','grantee':'http://acs.amazonaws.com/groups/global/AllUsers','permission':'READ'}" : "";
        return Json.read(("{'name':'site','region':'eu-west-1','aclGrants':[{'granteeType':'CanonicalUser','grantee':"
                + "'o','permission':'FULL_CONTROL'}" + grant + "],'encryption':[],'tags':{}}").replace('\'', '"'),
                S3BucketConfig.class);
    }

    private List<FindingView> all() {
        return findings.list(new FindingFilter(EnumSet.allOf(FindingStatus.class), null, null, null, null, null, null,
                null, null, 100));
    }

    private List<Long> itemIds() {
        return new JooqItemReader(dsl).list(ItemFilter.all()).stream().map(i -> i.id()).toList();
    }

    @Test
    void findingsOpenFixRegressAndKeepTheirIdentity() {
        store("aws.s3.bucket", "global", "arn:aws:s3:::site", "site", bucket(true));
        store("aws.ec2.security-group", "eu-west-1", "sg-arn", "web", group("0.0.0.0/0"));
        AuditSummary first = engine.auditAll("test", "tester");
        assertThat(first.opened()).isEqualTo(2);
        assertThat(first.evaluations()).isEqualTo(2);
        List<FindingView> open = all();
        assertThat(open).extracting(FindingView::check)
                .containsExactly("aws.s3.bucket/public-acl", "aws.ec2.security-group/admin-port-open");
        FindingView bucketFinding = open.getFirst();
        assertThat(bucketFinding.score()).isEqualTo(77);
        assertThat(bucketFinding.breakdown().explain()).isEqualTo("high 70 × internet 1.0 × account env=prod 1.1 = 77");
        assertThat(bucketFinding.controls()).containsExactly("CIS-AWS-3.0:2.1.4");

        AuditSummary again = engine.auditAll("test", "tester");
        assertThat(again.opened() + again.fixed() + again.regressed() + again.reopened()).isZero();

        store("aws.s3.bucket", "global", "arn:aws:s3:::site", "site", bucket(false));
        AuditSummary fixed = engine.auditChanged(itemIds().subList(0, 1), "test", "tester");
        assertThat(fixed.fixed()).isEqualTo(1);
        assertThat(findings.find(String.valueOf(bucketFinding.id())).orElseThrow().status()).isEqualTo(FindingStatus.FIXED);

        store("aws.s3.bucket", "global", "arn:aws:s3:::site", "site", bucket(true));
        engine.auditChanged(itemIds().subList(0, 1), "test", "tester");
        FindingView back = findings.find(bucketFinding.fingerprint()).orElseThrow();
        assertThat(back.id()).isEqualTo(bucketFinding.id());
        assertThat(back.status()).isEqualTo(FindingStatus.REGRESSED);
        assertThat(back.regressions()).isEqualTo(1);
        assertThat(findings.history(back.id())).extracting(FindingEvent::event)
                .containsExactly("opened", "fixed", "regressed");
    }

    @Test
    void aJustificationSurvivesRescoringAndUnrelatedChangesButNotWorseEvidence() {
        store("aws.ec2.security-group", "eu-west-1", "sg-arn", "web", group("0.0.0.0/0"));
        engine.auditAll("test", "tester");
        FindingView sg = all().getFirst();
        assertThat(sg.breakdown().exposure()).isEqualTo(Exposure.INTERNAL);
        triage.justify(sg.id(), "alice", "break-glass bastion", OffsetDateTime.now().plusDays(30));

        triage.setOverride(sg.check(), null, true, Severity.CRITICAL, "bob");
        engine.auditTypes(Set.of("aws.ec2.security-group"), "override", "bob");
        FindingView rescored = findings.find(sg.fingerprint()).orElseThrow();
        assertThat(rescored.status()).isEqualTo(FindingStatus.JUSTIFIED);
        assertThat(rescored.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rescored.score()).isGreaterThan(sg.score());

        Ec2InstanceConfig instance = Json.read(("{'instanceId':'i-1','hasPublicIp':true,'securityGroupIds':['sg-1'],"
                + "'tags':{}}").replace('\'', '"'), Ec2InstanceConfig.class);
        store("aws.ec2.instance", "eu-west-1", "i-arn", "i-1", instance);
        long instanceId = itemIds().getLast();
        AuditSummary dependents = engine.auditChanged(List.of(instanceId), "watch", "job");
        assertThat(dependents.items()).as("the group is re-audited because its check reads instances").isEqualTo(1);
        FindingView reachable = findings.find(sg.fingerprint()).orElseThrow();
        assertThat(reachable.breakdown().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(reachable.status()).as("exposure is not evidence: the justification holds").isEqualTo(FindingStatus.JUSTIFIED);

        SecurityGroupConfig worse = Json.read(("{'groupId':'sg-1','groupName':'web','ingress':[{'protocol':'tcp',"
                + "'fromPort':22,'toPort':22,'sourceType':'cidr4','source':'0.0.0.0/0','description':'temporary'}],"
                + "'egress':[],'tags':{}}").replace('\'', '"'), SecurityGroupConfig.class);
        store("aws.ec2.security-group", "eu-west-1", "sg-arn", "web", worse);
        engine.auditAll("test", "tester");
        FindingView reopened = findings.find(sg.fingerprint()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(reopened.justification()).isNull();
        assertThat(findings.history(sg.id())).extracting(FindingEvent::event).containsSubsequence(
                "opened", "justified", "rescored", "reopened-evidence-changed");
    }

    @Test
    void overridesAndSuppressionsApplyOnTheNextPass() {
        store("aws.ec2.security-group", "eu-west-1", "sg-arn", "web", group("0.0.0.0/0"));
        engine.auditAll("test", "tester");
        String fingerprint = all().getFirst().fingerprint();

        triage.setOverride("aws.ec2.security-group/admin-port-open", account.id(), false, null, "bob");
        engine.auditAll("test", "tester");
        assertThat(findings.find(fingerprint).orElseThrow().status()).isEqualTo(FindingStatus.DISABLED);
        triage.clearOverride("aws.ec2.security-group/admin-port-open", account.id());
        engine.auditAll("test", "tester");
        assertThat(findings.find(fingerprint).orElseThrow().status()).isEqualTo(FindingStatus.REGRESSED);

        var rule = triage.addSuppression("aws.ec2.security-group/*", null, "*sg-arn", "lab account", "carol",
                OffsetDateTime.now().plusDays(7));
        engine.auditAll("test", "tester");
        assertThat(findings.find(fingerprint).orElseThrow().status()).isEqualTo(FindingStatus.SUPPRESSED);
        triage.removeSuppression(rule.id(), "carol");
        engine.auditAll("test", "tester");
        assertThat(findings.find(fingerprint).orElseThrow().status()).isEqualTo(FindingStatus.OPEN);
    }
}
