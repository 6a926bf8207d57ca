package io.watchkeeper.web;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static io.watchkeeper.db.jooq.Tables.REMEDIATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.remediation.RemediationService;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.testing.CliHarness;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import tools.jackson.databind.JsonNode;

/**
 * plan → approve → apply → verify → rollback against moto, through the command line, with the
 * guard rails: dry-run by default, approval, kill switch, blast radius, interrupted applies.
 */
class RemediationRoundTripTest {

    private static final String REGION = "eu-west-1";
    /** A person other than the command line's (for four eyes). */
    private static final Caller ALICE = new Caller("alice", Role.JUSTIFIER, AccountScope.ALL, "password");
    private final Moto moto = Moto.get();
    private CliHarness cli;
    private Ec2Client ec2;
    private String groupId;

    @BeforeEach
    void setUp() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        cli = new CliHarness();
        ec2 = moto.client(Ec2Client.builder(), REGION);
        groupId = ec2.createSecurityGroup(r -> r.groupName("rt-admin").description("ssh")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("temp").build()).build()));
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("rt-public"));
        s3.putBucketAcl(r -> r.bucket("rt-public").acl(BucketCannedACL.PUBLIC_READ));
        assertThat(cli.run("accounts", "add", "aws", "--name", "rt", "--account-id", Moto.ACCOUNT_ID, "--regions", REGION)
                .exit()).isZero();
        CliHarness.Run scan = cli.run("scan", "--account", "rt", "--type", "aws.ec2.security-group", "--type", "aws.s3.bucket");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    private String finding(String check) {
        JsonNode list = Json.parse(cli.run("findings", "list", "--check", check, "--format", "json").out());
        assertThat(list.size()).as(check).isEqualTo(1);
        return list.get(0).get("id").asString();
    }

    private JsonNode remediation(String id) {
        return Json.parse(cli.run("remediations", "show", id, "--format", "json").out());
    }

    private List<String> sshRules() {
        return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().getFirst().ipPermissions().stream()
                .flatMap(p -> p.ipRanges().stream().map(ip -> p.fromPort() + ":" + ip.cidrIp() + ":" + ip.description()))
                .toList();
    }

    @Test
    void approvedFixIsAppliedVerifiedAndRolledBackExactly() {
        String findingId = finding("aws.ec2.security-group/admin-port-open");
        CliHarness.Run mode = cli.run("remediations", "mode", "aws.ec2.security-group/revoke-open-ingress", "approval");
        assertThat(mode.exit()).as(mode.err()).isZero();

        CliHarness.Run plan = cli.run("remediations", "plan", findingId, "--format", "json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        JsonNode planned = Json.parse(plan.out());
        String id = planned.get("id").asString();
        assertThat(planned.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(planned.at("/plan/calls/0/operation").asString()).isEqualTo("RevokeSecurityGroupIngress");

        CliHarness.Run early = cli.run("remediations", "apply", id);
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.err()).contains("approve it first");
        assertThat(sshRules()).containsExactly("22:0.0.0.0/0:temp");

        // four eyes: the command line's person planned it, so another person approves it
        CliHarness.Run own = cli.run("remediations", "approve", id);
        assertThat(own.exit()).isEqualTo(1);
        assertThat(own.err()).contains("four eyes");
        assertThat(remediation(id).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        RemediationView approved = cli.bean(RemediationService.class).approve(Long.parseLong(id), ALICE);
        assertThat(approved.status()).isEqualTo(RemediationStatus.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("alice");
        CliHarness.Run apply = cli.run("remediations", "apply", id);
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(remediation(id).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(sshRules()).as("moto state changed").isEmpty();
        JsonNode fixed = Json.parse(cli.run("findings", "show", findingId, "--format", "json").out());
        assertThat(fixed.at("/finding/status").asString()).isEqualTo("FIXED");

        CliHarness.Run rollback = cli.run("remediations", "rollback", id);
        assertThat(rollback.exit()).as(rollback.out() + rollback.err()).isZero();
        assertThat(remediation(id).get("status").asString()).isEqualTo("ROLLED_BACK");
        assertThat(sshRules()).as("the rule is back with its description").containsExactly("22:0.0.0.0/0:temp");
        JsonNode back = Json.parse(cli.run("findings", "show", findingId, "--format", "json").out());
        assertThat(back.at("/finding/status").asString()).isEqualTo("REGRESSED");

        List<String> steps = cli.db.dsl().select(AUDIT_LOG.ACTION).from(AUDIT_LOG)
                .where(AUDIT_LOG.TARGET.startsWith("remediation:" + id + ":")).orderBy(AUDIT_LOG.ID).fetch(r -> r.value1());
        assertThat(steps).containsExactly("remediation.plan", "remediation.approve", "remediation.apply.start",
                "remediation.apply.done", "remediation.verify", "remediation.rollback.start", "remediation.rollback.done");
    }

    @Test
    void dryRunIsTheDefaultAndGuardRailsHold() {
        String findingId = finding("aws.s3.bucket/public-acl");
        JsonNode planned = Json.parse(cli.run("remediations", "plan", findingId, "--format", "json").out());
        String id = planned.get("id").asString();
        assertThat(planned.get("status").asString()).isEqualTo("PLANNED");
        CliHarness.Run approve = cli.run("remediations", "approve", id);
        assertThat(approve.exit()).isEqualTo(2);
        assertThat(approve.err()).contains("dry-run mode");
        // planning again replaces the unapplied plan (it never blocks the finding)
        CliHarness.Run again = cli.run("remediations", "plan", findingId, "--format", "json");
        assertThat(again.exit()).as(again.err()).isZero();
        String replacing = Json.parse(again.out()).get("id").asString();
        assertThat(remediation(replacing).get("status").asString()).isEqualTo("PLANNED");
        assertThat(remediation(id).get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(cli.run("remediations", "reject", replacing).exit()).as("a rejection needs a reason").isEqualTo(2);
        assertThat(cli.run("remediations", "reject", replacing, "--reason", "not now").exit()).isZero();
        assertThat(remediation(replacing).get("status").asString()).isEqualTo("REJECTED");

        cli.run("remediations", "mode", "aws.s3.bucket/remove-public-acl-grants", "automatic", "--account", "rt");
        String auto = Json.parse(cli.run("remediations", "plan", findingId, "--format", "json").out()).get("id").asString();
        assertThat(remediation(auto).get("status").asString()).isEqualTo("APPROVED");
        CliHarness.Run pending = cli.run("remediations", "plan", findingId);
        assertThat(pending.exit()).isEqualTo(2);
        assertThat(pending.err()).contains("already has remediation " + auto)
                .contains("`watchkeeper remediations apply " + auto + "`");

        cli.run("remediations", "kill-switch", "on");
        CliHarness.Run killed = cli.run("remediations", "apply", auto);
        assertThat(killed.exit()).isEqualTo(1);
        assertThat(killed.err()).contains("kill switch");
        cli.run("remediations", "kill-switch", "off");

        cli.run("remediations", "limit", "0");
        CliHarness.Run limited = cli.run("remediations", "apply", auto);
        assertThat(limited.exit()).isEqualTo(1);
        assertThat(limited.err()).contains("blast-radius limit");
        assertThat(remediation(auto).get("status").asString()).as("nothing was attempted").isEqualTo("APPROVED");
        cli.run("remediations", "limit", "10");
        assertThat(cli.run("remediations", "apply", auto).exit()).isZero();
        assertThat(remediation(auto).get("status").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void theBackgroundJobReplacesPlansMadeUnderAnEarlierMode() {
        String findingId = finding("aws.ec2.security-group/admin-port-open");
        RemediationService service = cli.bean(RemediationService.class);
        service.runAutomatic("job:test");
        JsonNode dry = Json.parse(cli.run("remediations", "list", "--status", "planned", "--format", "json").out());
        String dryId = null;
        for (JsonNode r : dry) {
            if (r.get("findingId").asString().equals(findingId)) {
                dryId = r.get("id").asString();
            }
        }
        assertThat(dryId).as("the job planned in dry-run mode: " + dry).isNotNull();
        assertThat(remediation(dryId).get("plannedBy").asString()).isEqualTo("job:test");
        service.runAutomatic("job:test");
        assertThat(remediation(dryId).get("status").asString()).as("same mode: the plan stays").isEqualTo("PLANNED");

        assertThat(cli.run("remediations", "mode", "aws.ec2.security-group/revoke-open-ingress", "approval").exit()).isZero();
        service.runAutomatic("job:test");
        assertThat(remediation(dryId).get("status").asString()).isEqualTo("SUPERSEDED");
        JsonNode waiting = Json.parse(cli.run("remediations", "list", "--status", "awaiting_approval", "--format", "json")
                .out());
        assertThat(waiting).hasSize(1);
        String id = waiting.get(0).get("id").asString();
        assertThat(waiting.get(0).get("findingId").asString()).isEqualTo(findingId);
        // the job planned it, so the person at the command line may approve it; the next pass applies it
        assertThat(cli.run("remediations", "approve", id).exit()).isZero();
        service.runAutomatic("job:test");
        assertThat(remediation(id).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(sshRules()).isEmpty();
    }

    @Test
    void aCrashWhileApplyingLeavesARecordThatSaysSo() {
        String findingId = finding("aws.s3.bucket/public-acl");
        cli.run("remediations", "mode", "aws.s3.bucket/remove-public-acl-grants", "automatic");
        String id = Json.parse(cli.run("remediations", "plan", findingId, "--format", "json").out()).get("id").asString();
        // what a process leaves behind when it dies after marking the plan APPLYING and before finishing
        cli.db.dsl().update(REMEDIATION).set(REMEDIATION.STATUS, "APPLYING")
                .set(REMEDIATION.UPDATED_AT, OffsetDateTime.now().minusHours(1))
                .where(REMEDIATION.ID.eq(Long.parseLong(id))).execute();
        int recovered = cli.bean(RemediationService.class).recoverInterrupted(Duration.ofMinutes(15), "job:test");
        assertThat(recovered).isEqualTo(1);
        JsonNode r = remediation(id);
        assertThat(r.get("status").asString()).isEqualTo(RemediationStatus.INTERRUPTED.name());
        assertThat(r.get("error").asString()).contains("may be partly made");
        assertThat(cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("remediation.interrupted"))).isEqualTo(1);
        assertThat(cli.run("remediations", "rollback", id).exit()).as("an interrupted change can be rolled back").isZero();
    }
}
