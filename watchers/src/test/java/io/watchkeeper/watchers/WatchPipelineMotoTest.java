package io.watchkeeper.watchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeCounts;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.PipelineFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;

/** Seed moto in two regions, watch, change, watch, delete, watch: items, revisions and diffs exactly. */
class WatchPipelineMotoTest {

    private static final String SG = "aws.ec2.security-group";
    private static final String BUCKET = "aws.s3.bucket";

    private final Moto moto = Moto.get();
    private PipelineFixture fixture;
    private Ec2Client east;
    private Ec2Client west;
    private S3Client s3;

    @BeforeEach
    void setUp() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        fixture = new PipelineFixture();
        east = moto.client(Ec2Client.builder(), "us-east-1");
        west = moto.client(Ec2Client.builder(), "eu-west-1");
        s3 = moto.client(S3Client.builder().forcePathStyle(true));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private String createGroup(Ec2Client ec2, String name) {
        return ec2.createSecurityGroup(r -> r.groupName(name).description("test " + name)).groupId();
    }

    private void openPort(Ec2Client ec2, String groupId, int port, String cidr) {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp(cidr).build()).build()));
    }

    private ItemSummary item(String name) {
        return fixture.items.list(new ItemFilter(null, null, null, name, true, null, 100)).stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private List<Revision> history(String name) {
        return fixture.items.history(item(name).id());
    }

    @Test
    void watchesTwoRegionsAndKeepsExactHistory() {
        Account account = fixture.addAccount("prod", Moto.ACCOUNT_ID, null, "us-east-1", "eu-west-1");
        String web = createGroup(east, "web");
        openPort(east, web, 443, "0.0.0.0/0");
        String db = createGroup(west, "db");
        openPort(west, db, 5432, "10.0.0.0/8");
        s3.createBucket(r -> r.bucket("logs-bucket"));
        s3.createBucket(r -> r.bucket("site-bucket"));

        RunSummary first = fixture.watch(account, SG, BUCKET);
        assertThat(first.scopes()).extracting(s -> s.scope().toString() + "=" + s.status())
                .containsExactly("prod/eu-west-1/" + SG + "=OK", "prod/global/" + BUCKET + "=OK",
                        "prod/us-east-1/" + SG + "=OK");
        assertThat(first.anyFailed()).isFalse();
        // moto gives each region a default group, so 2 + 2 groups, plus 2 buckets
        assertThat(first.counts()).isEqualTo(new ScopeCounts(6, 0, 0, 0, 0));
        assertThat(item("web").region()).isEqualTo("us-east-1");
        assertThat(item("db").region()).isEqualTo("eu-west-1");
        assertThat(item("web").resourceId()).isEqualTo("arn:aws:ec2:us-east-1:" + Moto.ACCOUNT_ID
                + ":security-group/" + web);

        RunSummary idle = fixture.watch(account, SG, BUCKET);
        assertThat(idle.counts()).isEqualTo(new ScopeCounts(0, 0, 0, 0, 6));

        openPort(east, web, 22, "0.0.0.0/0");
        s3.putBucketAcl(r -> r.bucket("site-bucket").acl(BucketCannedACL.PUBLIC_READ));
        RunSummary second = fixture.watch(account, SG, BUCKET);
        assertThat(second.counts()).isEqualTo(new ScopeCounts(0, 2, 0, 0, 4));
        List<Revision> webHistory = history("web");
        assertThat(webHistory).extracting(Revision::kind).containsExactly("created", "changed");
        assertThat(webHistory.get(1).diff().toString()).isEqualTo("[{\"op\":\"add\",\"path\":\"/ingress/0\",\"value\":"
                + "{\"fromPort\":22,\"protocol\":\"tcp\",\"source\":\"0.0.0.0/0\",\"sourceType\":\"cidr4\",\"toPort\":22}}]");
        assertThat(history("site-bucket").get(1).diff().toString())
                .contains("\"op\":\"add\"").contains("http://acs.amazonaws.com/groups/global/AllUsers").contains("READ");
        assertThat(history("db")).hasSize(1);

        west.deleteSecurityGroup(r -> r.groupId(db));
        s3.deleteBucket(r -> r.bucket("logs-bucket"));
        RunSummary third = fixture.watch(account, SG, BUCKET);
        assertThat(third.counts()).isEqualTo(new ScopeCounts(0, 0, 0, 2, 4));
        assertThat(history("db")).extracting(Revision::kind).containsExactly("created", "deleted");
        assertThat(item("db").deleted()).isTrue();
        assertThat(item("logs-bucket").deleted()).isTrue();
        assertThat(fixture.items.list(new ItemFilter("prod", null, null, null, false, null, 100)))
                .extracting(ItemSummary::name)
                .containsExactlyInAnyOrder("default", "default", "web", "site-bucket");
    }

    @Test
    void assumesTheAccountRoleAndSeesOnlyThatAccount() {
        String other = "222222222222";
        software.amazon.awssdk.services.sts.StsClient sts = moto.client(software.amazon.awssdk.services.sts.StsClient.builder());
        var creds = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + other + ":role/watchkeeper")
                .roleSessionName("seed")).credentials();
        S3Client otherS3 = S3Client.builder()
                .endpointOverride(java.net.URI.create(moto.endpoint()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                                creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
                .build();
        otherS3.createBucket(r -> r.bucket("spoke-bucket"));
        s3.createBucket(r -> r.bucket("hub-bucket"));

        Account spoke = fixture.addAccount("spoke", other, "arn:aws:iam::" + other + ":role/watchkeeper", "us-east-1");
        RunSummary run = fixture.watch(spoke, BUCKET);
        assertThat(run.count(ScopeStatus.OK)).isEqualTo(1);
        assertThat(fixture.items.list(new ItemFilter("spoke", null, null, null, true, null, 10)))
                .extracting(ItemSummary::name).containsExactly("spoke-bucket");
    }

    @Test
    void anAccountWithoutRegionsIsWatchedInEveryEnabledRegion() {
        Account account = fixture.addAccount("everywhere", Moto.ACCOUNT_ID, null);
        RunSummary run = fixture.watch(account, SG);
        List<String> regions = run.scopes().stream().map(s -> s.scope().region()).toList();
        List<String> enabled = east.describeRegions(r -> r.allRegions(false)).regions().stream()
                .map(software.amazon.awssdk.services.ec2.model.Region::regionName).sorted().toList();
        assertThat(regions).containsExactlyElementsOf(enabled).contains("us-east-1", "eu-west-1");
        assertThat(run.anyFailed()).isFalse();
    }
}
