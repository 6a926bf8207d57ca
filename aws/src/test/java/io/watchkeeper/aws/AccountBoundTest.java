package io.watchkeeper.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.WatchMetrics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;

/**
 * Accounts share one SDK client per service and region; every form of call (request object,
 * consumer builder, no argument, paginator pages) must still be signed with the calling account's
 * credentials, never another account's, and a shared client without an account must refuse to sign.
 */
class AccountBoundTest {

    private StubbedAws aws;
    private LoopbackSts stub;
    private AwsSessionFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        aws = new StubbedAws();
        stub = aws.stub();
        factory = AwsSessionThreadsTest.factory();
    }

    @AfterEach
    void tearDown() {
        factory.close();
        aws.close();
    }

    private static void refused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(RuntimeException.class);
    }

    @Test
    void everyFormOfCallIsSignedByItsOwnAccountOnTheSharedClient() {
        Account a = StubbedAws.account(1);
        Account b = StubbedAws.account(2);
        try (AwsSession sa = factory.open(a); AwsSession sb = factory.open(b)) {
            int clientsBefore = factory.sdkClients();
            Ec2Client ea = sa.ec2("eu-west-1");
            Ec2Client eb = sb.ec2("eu-west-1");
            assertThat(ea).isNotSameAs(eb);
            stub.signedBy.clear();

            refused(() -> ea.describeRegions());
            refused(() -> eb.describeRegions(r -> r.allRegions(true)));
            refused(() -> ea.describeRegions(DescribeRegionsRequest.builder().allRegions(false).build()));
            refused(() -> eb.describeInstancesPaginator(r -> r.maxResults(5)).iterator().next());
            refused(() -> ea.describeSecurityGroupsPaginator().stream().count());
            refused(() -> sb.iam().listUsers(ListUsersRequest.builder().build()));
            refused(() -> sa.iam().listUsersPaginator().users().iterator().hasNext());
            refused(() -> sb.s3().listBuckets());

            assertThat(stub.signedBy).hasSize(8);
            List<String> signers = stub.signedBy.stream().map(s -> s.substring(0, s.indexOf(' '))).toList();
            assertThat(signers).containsExactly(a.externalId(), b.externalId(), a.externalId(), b.externalId(),
                    a.externalId(), b.externalId(), a.externalId(), b.externalId());
            assertThat(stub.signedBy.get(1)).contains("AllRegions=true");
            assertThat(stub.signedBy.get(3)).contains("Action=DescribeInstances").contains("MaxResults=5");
            // one client per service and region, whatever the number of accounts
            assertThat(factory.sdkClients() - clientsBefore).isEqualTo(3); // ec2@eu-west-1, iam, s3
        }
    }

    @Test
    void closingAnAccountsClientLeavesTheSharedClientOpenForOthers() {
        try (AwsSession sa = factory.open(StubbedAws.account(1));
             AwsSession sb = factory.open(StubbedAws.account(2))) {
            sa.ec2("eu-west-1").close();
            stub.signedBy.clear();
            refused(() -> sb.ec2("eu-west-1").describeRegions());
            assertThat(stub.signedBy).singleElement().asString().startsWith(StubbedAws.account(2).externalId());
        }
    }

    @Test
    void aSharedClientWithoutAnAccountRefusesToSign() {
        SharedClients shared = new SharedClients(software.amazon.awssdk.http.apache.ApacheHttpClient.create(),
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(),
                StubbedAws.settings(10, 4, Duration.ofSeconds(30), 1),
                new CallMetrics(WatchMetrics.NONE));
        Ec2Client raw = shared.get("ec2", "eu-west-1", Ec2Client::builder, x -> {}, null);
        stub.signedBy.clear();
        assertThatThrownBy(raw::describeRegions).hasStackTraceContaining("without account credentials");
        assertThat(stub.signedBy).isEmpty();
        shared.close();
    }
}
