package io.watchkeeper.watchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.watchers.testing.FaultProxy;
import io.watchkeeper.watchers.testing.FaultProxy.Fault;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.PipelineFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One scope's endpoint throttles, fails or answers garbage: the other scopes complete, the failed
 * scope is reported with its category, and nothing of it is marked deleted.
 */
class WatchFaultsTest {

    private static final String SG = "aws.ec2.security-group";
    private static final String BUCKET = "aws.s3.bucket";

    private final Moto moto = Moto.get();
    private FaultProxy proxy;
    private PipelineFixture fixture;
    private Account account;
    private Ec2Client east;
    private Ec2Client west;
    private S3Client s3;
    private String westGroup;
    private String eastGroup;

    @BeforeEach
    void setUp() throws Exception {
        moto.reset();
        proxy = new FaultProxy(moto.endpoint());
        Moto.pointProductAt(proxy.endpoint());
        fixture = new PipelineFixture();
        account = fixture.addAccount("prod", Moto.ACCOUNT_ID, null, "us-east-1", "eu-west-1");
        east = moto.client(Ec2Client.builder(), "us-east-1");
        west = moto.client(Ec2Client.builder(), "eu-west-1");
        s3 = moto.client(S3Client.builder().forcePathStyle(true));
        eastGroup = east.createSecurityGroup(r -> r.groupName("east-app").description("app")).groupId();
        westGroup = west.createSecurityGroup(r -> r.groupName("west-app").description("app")).groupId();
        s3.createBucket(r -> r.bucket("alpha"));
        s3.createBucket(r -> r.bucket("beta"));
        RunSummary baseline = fixture.watch(account, SG, BUCKET);
        assertThat(baseline.anyFailed()).isFalse();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        proxy.close();
    }

    private ScopeResult scope(RunSummary run, String region, String type) {
        return run.scopes().stream()
                .filter(s -> s.scope().region().equals(region) && s.scope().type().id().equals(type))
                .findFirst().orElseThrow();
    }

    private ItemSummary item(String name) {
        return fixture.items.list(new ItemFilter(null, null, null, name, true, null, 10)).stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private void failWestSecurityGroups(Fault fault) {
        proxy.fail(seen -> seen.body().contains("Action=DescribeSecurityGroups") && seen.region().equals("eu-west-1"),
                fault);
    }

    private void assertWestFailedAndEastDeleted(RunSummary run, ErrorCategory category) {
        ScopeResult west = scope(run, "eu-west-1", SG);
        assertThat(west.status()).isEqualTo(ScopeStatus.FAILED);
        assertThat(west.errorCategory()).isEqualTo(category);
        assertThat(west.message()).isNotBlank();
        assertThat(scope(run, "us-east-1", SG).status()).isEqualTo(ScopeStatus.OK);
        assertThat(scope(run, "us-east-1", SG).counts().deleted()).isEqualTo(1);
        assertThat(scope(run, WatchScopeGlobal.GLOBAL, BUCKET).status()).isEqualTo(ScopeStatus.OK);
        assertThat(item("east-app").deleted()).isTrue();
        assertThat(item("west-app").deleted()).as("a failed scope never marks items deleted").isFalse();
        assertThat(fixture.items.history(item("west-app").id())).extracting(Revision::kind).containsExactly("created");
        assertThat(run.anyFailed()).isTrue();
    }

    private void deleteBothGroups() {
        east.deleteSecurityGroup(r -> r.groupId(eastGroup));
        west.deleteSecurityGroup(r -> r.groupId(westGroup));
    }

    @Test
    void serverErrorsFailOnlyTheirScope() {
        failWestSecurityGroups(Fault.serverError());
        deleteBothGroups();
        assertWestFailedAndEastDeleted(fixture.watch(account, SG, BUCKET), ErrorCategory.UNAVAILABLE);
        assertThat(proxy.faultsServed()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void throttlingThatOutlastsRetriesFailsOnlyItsScopeAndIsCounted() {
        failWestSecurityGroups(Fault.ec2Throttling());
        deleteBothGroups();
        RunSummary run = fixture.watch(account, SG, BUCKET);
        assertWestFailedAndEastDeleted(run, ErrorCategory.THROTTLED);
        assertThat(scope(run, "eu-west-1", SG).throttles()).isGreaterThanOrEqualTo(2);
        assertThat(scope(run, "eu-west-1", SG).apiCalls()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void garbageResponsesFailOnlyTheirScope() {
        failWestSecurityGroups(Fault.garbage());
        deleteBothGroups();
        assertWestFailedAndEastDeleted(fixture.watch(account, SG, BUCKET), ErrorCategory.INVALID_RESPONSE);
    }

    @Test
    void oneUnreadableResourceLeavesItUntouchedAndTheRestStored() {
        proxy.fail(seen -> seen.method().equals("GET") && seen.uri().startsWith("/beta?policy"), Fault.serverError());
        s3.putBucketTagging(r -> r.bucket("alpha").tagging(t -> t.tagSet(tag -> tag.key("team").value("data"))));
        s3.putBucketTagging(r -> r.bucket("beta").tagging(t -> t.tagSet(tag -> tag.key("team").value("web"))));
        RunSummary run = fixture.watch(account, BUCKET);
        ScopeResult buckets = scope(run, WatchScopeGlobal.GLOBAL, BUCKET);
        assertThat(buckets.status()).isEqualTo(ScopeStatus.PARTIAL);
        assertThat(buckets.message()).contains("arn:aws:s3:::beta");
        assertThat(buckets.counts().changed()).isEqualTo(1);
        assertThat(fixture.items.history(item("alpha").id())).extracting(Revision::kind).containsExactly("created", "changed");
        assertThat(fixture.items.history(item("beta").id())).extracting(Revision::kind).containsExactly("created");
        assertThat(item("beta").deleted()).isFalse();
    }

    @Test
    void anUnreachableEndpointFailsEveryScopeAndDeletesNothing() {
        Moto.pointProductAt("http://localhost:9");
        List<ItemSummary> before = fixture.items.list(ItemFilter.all());
        RunSummary run = fixture.watch(account, SG, BUCKET);
        assertThat(run.scopes()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ScopeStatus.FAILED);
            assertThat(s.errorCategory()).isEqualTo(ErrorCategory.UNAVAILABLE);
        });
        assertThat(fixture.items.list(ItemFilter.all())).isEqualTo(before);
    }

    /** The global region's name, spelled once. */
    private static final class WatchScopeGlobal {
        static final String GLOBAL = io.watchkeeper.core.watch.WatchScope.GLOBAL;
    }
}
