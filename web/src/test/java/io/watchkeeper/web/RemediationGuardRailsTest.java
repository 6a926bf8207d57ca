package io.watchkeeper.web;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.cli.Cli;
import io.watchkeeper.web.testing.CliHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import tools.jackson.databind.JsonNode;

/**
 * The blast radius holds under parallel applies on two nodes sharing one PostgreSQL, rollbacks
 * count against it, and a rollback never overwrites a change made by someone else since the
 * apply unless an admin forces it with a reason.
 */
class RemediationGuardRailsTest {

    private static final String REGION = "eu-west-1";
    private static final int BUCKETS = 6;
    private static final int LIMIT = 3;
    private final Moto moto = Moto.get();
    private CliHarness cli;
    private ConfigurableApplicationContext secondNode;
    private Ec2Client ec2;
    private String groupId;

    @BeforeEach
    void setUp() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        cli = new CliHarness();
        ec2 = moto.client(Ec2Client.builder(), REGION);
        groupId = ec2.createSecurityGroup(r -> r.groupName("gr-admin").description("ssh")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("temp").build()).build()));
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        for (int i = 0; i < BUCKETS; i++) {
            String bucket = "gr-public-" + i;
            s3.createBucket(r -> r.bucket(bucket));
            s3.putBucketAcl(r -> r.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        }
        assertThat(cli.run("accounts", "add", "aws", "--name", "gr", "--account-id", Moto.ACCOUNT_ID, "--regions", REGION)
                .exit()).isZero();
        CliHarness.Run scan = cli.run("scan", "--account", "gr", "--type", "aws.ec2.security-group", "--type", "aws.s3.bucket");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
    }

    @AfterEach
    void tearDown() {
        if (secondNode != null) {
            secondNode.close();
        }
        cli.close();
    }

    private List<String> findings(String check) {
        JsonNode list = Json.parse(cli.run("findings", "list", "--check", check, "--format", "json").out());
        List<String> ids = new ArrayList<>();
        list.forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }

    private JsonNode remediation(String id) {
        return Json.parse(cli.run("remediations", "show", id, "--format", "json").out());
    }

    private String plan(String findingId) {
        CliHarness.Run plan = cli.run("remediations", "plan", findingId, "--format", "json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        return Json.parse(plan.out()).get("id").asString();
    }

    /** One CLI command on the second node (another Spring context on the same database). */
    private CliHarness.Run onSecondNode(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli other = new Cli(() -> secondNode, new PrintWriter(out, true), new PrintWriter(err, true), false);
        int exit = WatchkeeperApplication.execute(other, args);
        return new CliHarness.Run(exit, out.toString(), err.toString());
    }

    private List<String> sshRules() {
        return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().getFirst().ipPermissions().stream()
                .flatMap(p -> p.ipRanges().stream().map(ip -> p.fromPort() + ":" + ip.cidrIp())).toList();
    }

    private int auditCount(String action) {
        return cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq(action));
    }

    @Test
    void parallelAppliesOnTwoNodesNeverExceedTheHourlyLimit() throws Exception {
        secondNode = WatchkeeperApplication.startForCliInTests(new String[] {"--spring.datasource.url=" + cli.db.jdbcUrl(),
            "--spring.datasource.username=postgres", "--watchkeeper.aws.max-attempts=2"});
        assertThat(cli.run("remediations", "mode", "aws.s3.bucket/remove-public-acl-grants", "automatic").exit()).isZero();
        List<String> findingIds = findings("aws.s3.bucket/public-acl");
        assertThat(findingIds).hasSize(BUCKETS);
        List<String> ids = new ArrayList<>();
        for (String f : findingIds) {
            String id = plan(f);
            assertThat(remediation(id).get("status").asString()).isEqualTo("APPROVED");
            ids.add(id);
        }
        assertThat(cli.run("remediations", "limit", Integer.toString(LIMIT)).exit()).isZero();
        assertThat(publicBuckets()).hasSize(BUCKETS);

        CyclicBarrier start = new CyclicBarrier(BUCKETS);
        ExecutorService pool = Executors.newFixedThreadPool(BUCKETS);
        List<Future<CliHarness.Run>> runs = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            String id = ids.get(i);
            boolean second = i % 2 == 1;
            runs.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return second ? onSecondNode("remediations", "apply", id) : cli.run("remediations", "apply", id);
            }));
        }
        List<CliHarness.Run> results = new ArrayList<>();
        for (Future<CliHarness.Run> run : runs) {
            results.add(run.get(300, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<CliHarness.Run> refused = results.stream().filter(r -> r.exit() != 0).toList();
        assertThat(results.stream().filter(r -> r.exit() == 0)).as(results.toString()).hasSize(LIMIT);
        assertThat(refused).hasSize(BUCKETS - LIMIT)
                .allSatisfy(r -> assertThat(r.err()).contains("blast-radius limit reached: " + LIMIT));
        List<String> statuses = ids.stream().map(id -> remediation(id).get("status").asString()).toList();
        assertThat(statuses.stream().filter("VERIFIED"::equals)).as(statuses.toString()).hasSize(LIMIT);
        assertThat(statuses.stream().filter("APPROVED"::equals)).as("refused plans stay approved: " + statuses)
                .hasSize(BUCKETS - LIMIT);
        assertThat(auditCount("remediation.apply.start")).isEqualTo(LIMIT);
        assertThat(publicBuckets()).as("buckets changed in moto").hasSize(BUCKETS - LIMIT);
    }

    private List<String> publicBuckets() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        List<String> open = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            String bucket = "gr-public-" + i;
            if (s3.getBucketAcl(r -> r.bucket(bucket)).grants().stream()
                    .anyMatch(g -> String.valueOf(g.grantee().uri()).endsWith("/AllUsers"))) {
                open.add(bucket);
            }
        }
        return open;
    }

    @Test
    void rollbackCountsAgainstTheLimitAndRefusesAResourceChangedSinceTheApply() {
        assertThat(cli.run("remediations", "mode", "aws.ec2.security-group/revoke-open-ingress", "automatic").exit()).isZero();
        String id = plan(findings("aws.ec2.security-group/admin-port-open").getFirst());
        CliHarness.Run apply = cli.run("remediations", "apply", id);
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(remediation(id).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(sshRules()).isEmpty();

        // the apply used the only change of this hour: the rollback is a change too
        assertThat(cli.run("remediations", "limit", "1").exit()).isZero();
        CliHarness.Run limited = cli.run("remediations", "rollback", id);
        assertThat(limited.exit()).isEqualTo(1);
        assertThat(limited.err()).contains("blast-radius limit reached: 1");
        assertThat(remediation(id).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(sshRules()).isEmpty();
        assertThat(cli.run("remediations", "limit", "10").exit()).isZero();

        // someone else changes the group after the apply: a rollback would overwrite their change
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build()));
        CliHarness.Run changed = cli.run("remediations", "rollback", id);
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.err()).contains("changed since remediation " + id + " was applied")
                .contains("watchkeeper remediations rollback " + id + " --force --reason");
        assertThat(remediation(id).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(sshRules()).containsExactly("443:10.0.0.0/8");

        CliHarness.Run noReason = cli.run("remediations", "rollback", id, "--force");
        assertThat(noReason.exit()).isEqualTo(2);
        assertThat(noReason.err()).contains("reason");

        CliHarness.Run forced = cli.run("remediations", "rollback", id, "--force", "--reason", "incident 42: restore access");
        assertThat(forced.exit()).as(forced.out() + forced.err()).isZero();
        assertThat(remediation(id).get("status").asString()).isEqualTo("ROLLED_BACK");
        assertThat(sshRules()).containsExactlyInAnyOrder("22:0.0.0.0/0", "443:10.0.0.0/8");
        JsonNode start = Json.parse(cli.db.dsl().select(AUDIT_LOG.AFTER).from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("remediation.rollback.start")).fetchSingle().value1().data());
        assertThat(start.get("forced").asBoolean()).isTrue();
        assertThat(start.get("reason").asString()).isEqualTo("incident 42: restore access");
    }
}
