package io.watchkeeper.iamtuner.evidence;

import static io.watchkeeper.iamtuner.testing.CloudTrailLogs.role;
import static io.watchkeeper.iamtuner.testing.CloudTrailLogs.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.TrailCursor;
import io.watchkeeper.core.tuner.TrailInfo;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.db.JooqEvidenceStore;
import io.watchkeeper.db.JooqTrailLogStore;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.testing.CloudTrailLogs;
import io.watchkeeper.iamtuner.testing.TunerMoto;
import io.watchkeeper.watchers.testing.Moto;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;

/** Incremental, streamed reading of CloudTrail log files that a trail delivered to (moto) S3. */
class CloudTrailReaderTest {

    private static final String ACCOUNT = Moto.ACCOUNT_ID;
    private static final String APP = "arn:aws:iam::" + ACCOUNT + ":role/service/app";
    private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    private TunerMoto env;
    private JooqEvidenceStore evidence;
    private JooqTrailLogStore trails;
    private CloudTrailReader reader;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        env = new TunerMoto();
        evidence = new JooqEvidenceStore(env.db.dsl());
        trails = new JooqTrailLogStore(env.db.dsl());
        reader = new CloudTrailReader(trails, evidence, CloudTrailMapping.load(ActionCatalog.bundled()),
                new CloudTrailReader.Settings(100, 1, 2, 64L << 20), Clock.systemUTC());
        env.s3.createBucket(r -> r.bucket("trail-logs"));
        CloudTrailClient ct = env.cloudTrail();
        ct.createTrail(r -> r.name("main").s3BucketName("trail-logs").isMultiRegionTrail(true));
        ct.putEventSelectors(r -> r.trailName("main").eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.ALL).includeManagementEvents(true)
                .dataResources(DataResource.builder().type("AWS::S3::Object").values("arn:aws:s3").build(),
                        DataResource.builder().type("AWS::Lambda::Function")
                                .values("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:one").build())
                .build()));
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private Map<String, UsageEvidence> evidenceOf(String arn) {
        return evidence.evidence(List.of(arn)).stream().collect(Collectors.toMap(e -> e.action() + " " + e.source(), e -> e));
    }

    @Test
    void readsEveryRegionOnceRemembersWhereItStoppedAndPicksUpNewFiles() {
        Instant d3 = now.minus(3, ChronoUnit.DAYS);
        Instant d2 = now.minus(2, ChronoUnit.DAYS);
        List<String> written = CloudTrailLogs.write(env.s3, "trail-logs", "", ACCOUNT, List.of(
                role(APP, "s3.amazonaws.com", "GetObject", d3).asData(),
                role(APP, "s3.amazonaws.com", "GetObject", d2).asData(),
                role(APP, "dynamodb.amazonaws.com", "DescribeTable", d2).in("eu-west-1"),
                user(ALICE, "iam.amazonaws.com", "ListRoles", d3),
                user(ALICE, "iam.amazonaws.com", "DeleteRole", d2).denied()));
        assertThat(written).as("one file per region and 5 minutes").hasSize(3);
        // a damaged file (not gzip) and a digest-like file that is not a log
        String broken = CloudTrailLogs.key("", ACCOUNT, "us-east-1", d2.plusSeconds(3600), "BROKEN0000000000");
        env.s3.putObject(r -> r.bucket("trail-logs").key(broken), RequestBody.fromString("not gzip"));
        env.s3.putObject(r -> r.bucket("trail-logs").key("AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/us-east-1/x.json"),
                RequestBody.fromString("{}"));

        CloudTrailReader.Summary first = reader.read(env.account, env.session);
        assertThat(first.trails()).isEqualTo(1);
        assertThat(first.prefixes()).isEqualTo(2);
        assertThat(first.files()).isEqualTo(4);
        assertThat(first.failedFiles()).isEqualTo(1);
        assertThat(first.errors()).singleElement().asString().contains("BROKEN");
        assertThat(first.records()).isEqualTo(5);

        Map<String, UsageEvidence> app = evidenceOf(APP);
        assertThat(app).containsOnlyKeys("s3:GetObject CLOUDTRAIL", "dynamodb:DescribeTable CLOUDTRAIL");
        assertThat(app.get("s3:GetObject CLOUDTRAIL").count()).isEqualTo(2);
        assertThat(app.get("s3:GetObject CLOUDTRAIL").lastSeen()).isEqualTo(d2);
        assertThat(app.get("dynamodb:DescribeTable CLOUDTRAIL").region()).isEqualTo("eu-west-1");
        assertThat(evidenceOf(ALICE)).containsOnlyKeys("iam:ListRoles CLOUDTRAIL", "iam:DeleteRole CLOUDTRAIL_DENIED");
        assertThat(evidence.deniedSince(ALICE, d3)).extracting(UsageEvidence::action).containsExactly("iam:DeleteRole");
        assertThat(evidence.loggedActions(ACCOUNT)).contains("s3:getobject", "iam:listroles", "iam:deleterole",
                "dynamodb:describetable");

        TrailInfo trail = trails.trails(env.account.id()).getFirst();
        assertThat(trail.dataResourceTypes()).as("S3 objects for every bucket; Lambda for one function only")
                .containsExactly("AWS::S3::Object");
        assertThat(trail.managementEvents()).isTrue();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(trails.cursors(env.account.id())).extracting(TrailCursor::region)
                .containsExactlyInAnyOrder("us-east-1", "eu-west-1");
        TrailCursor east = trails.cursors(env.account.id()).stream().filter(c -> c.region().equals("us-east-1")).findFirst().orElseThrow();
        assertThat(east.coverageStart()).isEqualTo(LocalDate.ofInstant(d3, ZoneOffset.UTC));
        assertThat(east.completeThrough()).isEqualTo(today.minusDays(1));

        CloudTrailReader.Summary again = reader.read(env.account, env.session);
        assertThat(again.files()).as("nothing new").isZero();
        assertThat(evidenceOf(APP).get("s3:GetObject CLOUDTRAIL").count()).isEqualTo(2);

        CloudTrailLogs.write(env.s3, "trail-logs", "", ACCOUNT, List.of(role(APP, "s3.amazonaws.com", "PutObject", now).asData(),
                role(APP, "s3.amazonaws.com", "GetObject", now).asData()));
        CloudTrailReader.Summary late = reader.read(env.account, env.session);
        assertThat(late.files()).isEqualTo(1);
        assertThat(evidenceOf(APP).get("s3:GetObject CLOUDTRAIL").count()).isEqualTo(3);
        assertThat(evidenceOf(APP)).containsKey("s3:PutObject CLOUDTRAIL");
        assertThat(reader.read(env.account, env.session).files()).as("today's file is remembered by key").isZero();
    }

    @Test
    void organisationTrailLayoutIsFollowedToThisAccountOnly() {
        env.cloudTrail().updateTrail(r -> r.name("main").s3KeyPrefix("org"));
        Instant d = now.minus(1, ChronoUnit.DAYS);
        String mine = CloudTrailLogs.key("org", "o-abc123def4/" + ACCOUNT, "us-east-1", d, "AAAAAAAAAAAAAAAA")
                .replace("o-abc123def4/" + ACCOUNT + "_CloudTrail", ACCOUNT + "_CloudTrail");
        env.s3.putObject(r -> r.bucket("trail-logs").key(mine), RequestBody.fromBytes(CloudTrailLogs.gzip(
                CloudTrailLogs.json(List.of(role(APP, "sqs.amazonaws.com", "ListQueues", d))))));
        String other = CloudTrailLogs.key("org", "o-abc123def4/210987654321", "us-east-1", d, "BBBBBBBBBBBBBBBB");
        env.s3.putObject(r -> r.bucket("trail-logs").key(other), RequestBody.fromBytes(CloudTrailLogs.gzip(
                CloudTrailLogs.json(List.of(role("arn:aws:iam::210987654321:role/x", "sqs.amazonaws.com", "ListQueues", d))))));
        CloudTrailReader.Summary s = reader.read(env.account, env.session);
        assertThat(s.files()).isEqualTo(1);
        assertThat(evidenceOf(APP)).containsOnlyKeys("sqs:ListQueues CLOUDTRAIL");
        assertThat(evidence.evidence(List.of("arn:aws:iam::210987654321:role/x"))).isEmpty();
        assertThat(evidence.evidence(List.of(APP)).getFirst().source()).isEqualTo(EvidenceSource.CLOUDTRAIL);
    }
}
