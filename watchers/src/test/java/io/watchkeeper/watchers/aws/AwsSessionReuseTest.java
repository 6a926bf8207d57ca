package io.watchkeeper.watchers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.aws.AwsSettings;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.watchers.testing.FaultProxy;
import io.watchkeeper.watchers.testing.Moto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An account's SDK clients outlive a session (a run opens one per account, and building a client per
 * service and region costs more than many calls), while each open still assumes the role and
 * proves the identity, and accounts never share clients.
 */
class AwsSessionReuseTest {

    private static final String SPOKE = "222222222222";
    private final Moto moto = Moto.get();
    private FaultProxy proxy;
    private AwsSessionFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        moto.reset();
        proxy = new FaultProxy(moto.endpoint());
        Moto.pointProductAt(proxy.endpoint());
        factory = new AwsSessionFactory(new AwsSettings(List.of(), "us-east-1", 10, 32, Duration.ofSeconds(30), 2),
                WatchMetrics.NONE);
    }

    @AfterEach
    void tearDown() {
        factory.close();
        proxy.close();
        Moto.pointProductAt(moto.endpoint());
    }

    private static Account account(long id, String accountId, String role) {
        return new Account(id, Provider.AWS, "a" + id, accountId, role == null ? AccountAccess.NONE
                : new AccountAccess(role, "ext-" + id, null), List.of("us-east-1"), Map.of(), true, false);
    }

    @Test
    void aSecondSessionOfTheAccountReusesItsClientsButAssumesTheRoleAndProvesItsIdentityAgain() {
        AtomicInteger assumeRole = new AtomicInteger();
        AtomicInteger callerIdentity = new AtomicInteger();
        proxy.fail(seen -> {
            if (seen.body().contains("Action=AssumeRole")) {
                assumeRole.incrementAndGet();
            }
            if (seen.body().contains("Action=GetCallerIdentity")) {
                callerIdentity.incrementAndGet();
            }
            return false;
        }, FaultProxy.Fault.serverError());
        Account spoke = account(1, SPOKE, "arn:aws:iam::" + SPOKE + ":role/watchkeeper");

        AwsSession first = factory.open(spoke);
        var client = first.ec2("eu-west-1");
        assertThat(client.describeSecurityGroups().securityGroups()).isNotEmpty();
        first.close();

        AwsSession second = factory.open(spoke);
        assertThat(second.ec2("eu-west-1")).isSameAs(client);
        // still usable after the first session closed, and in the spoke account
        assertThat(second.ec2("eu-west-1").describeSecurityGroups().securityGroups())
                .allMatch(g -> SPOKE.equals(g.ownerId()));
        assertThat(assumeRole.get()).isEqualTo(2);
        assertThat(callerIdentity.get()).isEqualTo(2);
        second.close();
    }

    @Test
    void accountsAndRolesNeverShareClients() {
        AwsSession hub = factory.open(account(1, Moto.ACCOUNT_ID, null));
        AwsSession spoke = factory.open(account(2, SPOKE, "arn:aws:iam::" + SPOKE + ":role/watchkeeper"));
        AwsSession otherRole = factory.open(account(3, SPOKE, "arn:aws:iam::" + SPOKE + ":role/other"));

        assertThat(spoke.ec2("eu-west-1")).isNotSameAs(hub.ec2("eu-west-1")).isNotSameAs(otherRole.ec2("eu-west-1"));
        assertThat(hub.ec2("eu-west-1").describeSecurityGroups().securityGroups())
                .allMatch(g -> Moto.ACCOUNT_ID.equals(g.ownerId()));
        assertThat(spoke.ec2("eu-west-1").describeSecurityGroups().securityGroups())
                .allMatch(g -> SPOKE.equals(g.ownerId()));
    }
}
