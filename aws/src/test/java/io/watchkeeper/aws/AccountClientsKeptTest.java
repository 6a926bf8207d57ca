package io.watchkeeper.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.WatchMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Accounts keep their SDK clients between sessions, but only the accounts in use plus a bounded
 * number of recently opened ones: the clients of every account ever opened are not kept forever.
 * The cache's own behaviour (shared leases, least recently leased first) is {@code LeasedCacheTest}'s in core;
 * here the factory's use of it: the key, the bound counting every kept account, a session giving its lease back once.
 */
class AccountClientsKeptTest {

    private LoopbackSts stub;
    private String previousEndpoint;
    private AwsSessionFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        stub = new LoopbackSts();
        previousEndpoint = System.getProperty("aws.endpointUrl");
        System.setProperty("aws.endpointUrl", stub.endpoint());
        factory = new AwsSessionFactory(new AwsSettings(List.of(), "us-east-1", 10, 16, Duration.ofSeconds(30), 1),
                WatchMetrics.NONE, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHUB", "hub")), 8);
    }

    @AfterEach
    void tearDown() {
        factory.close();
        if (previousEndpoint == null) {
            System.clearProperty("aws.endpointUrl");
        } else {
            System.setProperty("aws.endpointUrl", previousEndpoint);
        }
        stub.close();
    }

    private Ec2Client ec2Of(Account account) {
        try (AwsSession session = factory.open(account)) {
            return session.ec2("eu-west-1");
        }
    }

    @Test
    void onlyTheMostRecentlyOpenedAccountsKeepTheirClients() {
        Account first = AwsSessionThreadsTest.account(1);
        Ec2Client firstClient = ec2Of(first);
        assertThat(ec2Of(first)).as("kept between sessions").isSameAs(firstClient);

        for (int n = 2; n <= 100; n++) {
            ec2Of(AwsSessionThreadsTest.account(n));
            assertThat(factory.accountsWithOpenClients()).isLessThanOrEqualTo(8);
        }
        assertThat(factory.accountsWithOpenClients()).isEqualTo(8);
        // the first account's clients were closed and dropped: its next session builds new ones
        assertThat(ec2Of(first)).isNotSameAs(firstClient);
        // a recent one still has its clients
        Ec2Client recent = ec2Of(AwsSessionThreadsTest.account(100));
        assertThat(ec2Of(AwsSessionThreadsTest.account(100))).isSameAs(recent);
    }

    @Test
    void clientsInUseAreNeverClosedEvenBeyondTheBound() {
        List<AwsSession> open = new ArrayList<>();
        List<Ec2Client> clients = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            AwsSession session = factory.open(AwsSessionThreadsTest.account(n));
            open.add(session);
            clients.add(session.ec2("eu-west-1"));
        }
        assertThat(factory.accountsWithOpenClients()).as("20 sessions in use").isEqualTo(20);
        for (int n = 21; n <= 40; n++) {
            ec2Of(AwsSessionThreadsTest.account(n));
        }
        // still the same clients for the sessions in use
        for (int i = 0; i < open.size(); i++) {
            assertThat(open.get(i).ec2("eu-west-1")).isSameAs(clients.get(i));
        }
        assertThat(factory.accountsWithOpenClients()).isEqualTo(20);
        open.forEach(AwsSession::close);
        assertThat(factory.accountsWithOpenClients()).isEqualTo(8);
        // closing a session twice gives nothing back twice
        open.getFirst().close();
        assertThat(factory.accountsWithOpenClients()).isEqualTo(8);
    }
}
