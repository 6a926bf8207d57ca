package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.CliHarness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import tools.jackson.databind.JsonNode;

/**
 * {@code watchkeeper scan} against moto seeded with misconfigured and clean resources: the
 * misconfigurations are reported by fingerprint, the clean resources have no findings.
 */
class ScanEndToEndTest {

    private static final String REGION = "eu-west-1";
    private static final Moto MOTO = Moto.get();
    private static CliHarness cli;
    private static final Map<String, String> RESOURCES = new HashMap<>();

    private static final java.util.Set<String> MOTO_LACKS =
            java.util.Set.of("aws.accessanalyzer.analyzer", "aws.ec2.account-settings");

    @BeforeAll
    static void seedAndScan() {
        MOTO.reset();
        Moto.pointProductAt(MOTO.endpoint());
        cli = new CliHarness();
        S3Client s3 = MOTO.client(S3Client.builder().forcePathStyle(true));
        Ec2Client ec2 = MOTO.client(Ec2Client.builder(), REGION);
        KmsClient kms = MOTO.client(KmsClient.builder(), REGION);
        CloudTrailClient trails = MOTO.client(CloudTrailClient.builder(), REGION);

        s3.createBucket(r -> r.bucket("e2e-public").createBucketConfiguration(c -> c.locationConstraint(REGION)));
        s3.putBucketAcl(r -> r.bucket("e2e-public").acl(BucketCannedACL.PUBLIC_READ));

        String open = ec2.createSecurityGroup(r -> r.groupName("e2e-ssh-open").description("bad")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(open).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        String web = ec2.createSecurityGroup(r -> r.groupName("e2e-web").description("good")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        RESOURCES.put("e2e-ssh-open", open);
        RESOURCES.put("e2e-web", web);

        String image = ec2.registerImage(r -> r.name("e2e-ami").rootDeviceName("/dev/sda1")).imageId();
        ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).securityGroupIds(open)
                .metadataOptions(m -> m.httpTokens(HttpTokensState.OPTIONAL).httpEndpoint(InstanceMetadataEndpointState.ENABLED))
                .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("e2e-imdsv1"))));

        String badKey = kms.createKey(r -> r.description("e2e-no-rotation")).keyMetadata().keyId();
        kms.createAlias(r -> r.aliasName("alias/e2e-no-rotation").targetKeyId(badKey));
        String goodKey = kms.createKey(r -> r.description("e2e-rotated")).keyMetadata().keyId();
        kms.createAlias(r -> r.aliasName("alias/e2e-rotated").targetKeyId(goodKey));
        kms.enableKeyRotation(r -> r.keyId(goodKey));

        s3.createBucket(r -> r.bucket("e2e-trail-logs"));
        trails.createTrail(r -> r.name("e2e-trail").s3BucketName("e2e-trail-logs"));

        CliHarness.Run add = cli.run("accounts", "add", "aws", "--name", "e2e", "--account-id", Moto.ACCOUNT_ID,
                "--regions", REGION);
        assertThat(add.exit()).as(add.err()).isZero();
        // every AWS type except the two whose APIs moto does not implement (HTTP 500 there; their watchers are
        // tested against the wire stub): a failed scope would rightly fail the scan
        java.util.List<String> scanArgs = new java.util.ArrayList<>(java.util.List.of("scan", "--account", "e2e"));
        io.watchkeeper.watchers.WatcherRegistry.discover().all().stream().map(w -> w.type().id())
                .filter(t -> t.startsWith("aws.") && !MOTO_LACKS.contains(t)).sorted()
                .forEach(t -> scanArgs.addAll(java.util.List.of("--type", t)));
        assertThat(scanArgs).as("most AWS types are scanned").hasSizeGreaterThan(3 + 2 * 35);
        CliHarness.Run scan = cli.run(scanArgs.toArray(String[]::new));
        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
        assertThat(scan.out()).contains("open findings:");
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    private static List<JsonNode> findings(String... extra) {
        List<String> args = new ArrayList<>(List.of("findings", "list", "--format", "json", "--status", "all"));
        args.addAll(List.of(extra));
        CliHarness.Run run = cli.run(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        Json.parse(run.out()).forEach(out::add);
        return out;
    }

    private static Set<String> checksOn(String resourceFragment) {
        Set<String> checks = new TreeSet<>();
        for (JsonNode f : findings("--resource", resourceFragment)) {
            checks.add(f.get("check").asString());
        }
        return checks;
    }

    @Test
    void misconfigurationsAreReportedWithEveryRequiredField() {
        assertThat(checksOn("e2e-public")).contains("aws.s3.bucket/public-acl");
        assertThat(checksOn(RESOURCES.get("e2e-ssh-open"))).contains("aws.ec2.security-group/admin-port-open");
        assertThat(checksOn("alias/e2e-no-rotation").isEmpty() ? checksOn("e2e-no-rotation")
                : checksOn("alias/e2e-no-rotation")).contains("aws.kms.key/rotation-disabled");
        assertThat(checksOn("e2e-imdsv1")).contains("aws.ec2.instance/imdsv1-allowed");
        assertThat(checksOn("e2e-trail")).contains("aws.cloudtrail.trail/not-logging", "aws.cloudtrail.trail/not-multi-region");
        for (JsonNode f : findings()) {
            for (String field : new String[] {"check", "type", "account", "region", "resourceId", "severity", "score",
                    "status", "fingerprint", "controls"}) {
                assertThat(f.has(field)).as("%s in %s", field, f).isTrue();
            }
            assertThat(f.get("score").asInt()).isBetween(0, 100);
        }
        JsonNode ssh = findings("--check", "aws.ec2.security-group/admin-port-open").getFirst();
        assertThat(ssh.get("breakdown").get("exposure").asString()).as("attached to an instance with a public IP")
                .isEqualTo("INTERNET");
        assertThat(ssh.get("controls").toString()).contains("CIS-AWS-3.0:5.2");
    }

    @Test
    void cleanResourcesHaveNoFindingsOfTheirKind() {
        assertThat(checksOn(RESOURCES.get("e2e-web"))).as("443 open to the world is a web server, not a finding")
                .isEmpty();
        assertThat(checksOn("e2e-rotated")).isEmpty();
    }

    @Test
    void aSecondScanKeepsEveryFingerprint() {
        Set<String> before = new TreeSet<>();
        findings().forEach(f -> before.add(f.get("fingerprint").asString()));
        CliHarness.Run again = cli.run("scan", "--account", "e2e");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 new, 0 regressed, 0 reopened, 0 fixed");
        Set<String> after = new TreeSet<>();
        findings().forEach(f -> after.add(f.get("fingerprint").asString()));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void scoresAreBoundedPerItemAndPerAccount() {
        CliHarness.Run run = cli.run("scores", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode scores = Json.parse(run.out());
        JsonNode account = scores.get("accounts").get(0);
        assertThat(account.get("account").asString()).isEqualTo("e2e");
        assertThat(account.get("score").asInt()).isBetween(1, 100);
        for (JsonNode item : scores.get("items")) {
            assertThat(item.get("score").asInt()).isBetween(item.get("worst").asInt(), 100);
        }
        assertThat(account.get("score").asInt()).isLessThanOrEqualTo(account.get("riskiestItem").asInt());
    }
}
