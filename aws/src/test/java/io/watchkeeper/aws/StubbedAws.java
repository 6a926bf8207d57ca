package io.watchkeeper.aws;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.watch.WatchMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The fixture the session tests share: a {@link LoopbackSts} the product is pointed at through
 * {@code aws.endpointUrl} for one test (the previous value is restored on close), the hub credentials, and
 * numbered member accounts that assume a role.
 */
final class StubbedAws implements AutoCloseable {

    static final StaticCredentialsProvider HUB = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHUB", "hub"));

    private final LoopbackSts stub;
    private final String previousEndpoint;

    StubbedAws() throws Exception {
        stub = new LoopbackSts();
        previousEndpoint = System.getProperty("aws.endpointUrl");
        System.setProperty("aws.endpointUrl", stub.endpoint());
    }

    /** The stub, to script answers and read what it was sent. */
    LoopbackSts stub() {
        return stub;
    }

    /** Settings with the home region us-east-1 and no default regions. */
    static AwsSettings settings(int maxCallsInFlightPerAccount, int maxConnections, Duration callTimeout, int maxAttempts) {
        return new AwsSettings(List.of(), "us-east-1", maxCallsInFlightPerAccount, maxConnections, callTimeout, maxAttempts);
    }

    /** A session factory signing as the hub. */
    static AwsSessionFactory factory(AwsSettings settings) {
        return new AwsSessionFactory(settings, WatchMetrics.NONE, HUB);
    }

    /** Member account {@code n}: a 12-digit id, a role to assume with an external id, one region. */
    static Account account(int n) {
        String id = String.format("%012d", 100_000_000_000L + n);
        return new Account(n, Provider.AWS, "a" + n, id,
                new AccountAccess("arn:aws:iam::" + id + ":role/watchkeeper", "ext-" + n, null),
                List.of("eu-west-1"), Map.of(), true, false);
    }

    @Override
    public void close() {
        if (previousEndpoint == null) {
            System.clearProperty("aws.endpointUrl");
        } else {
            System.setProperty("aws.endpointUrl", previousEndpoint);
        }
        stub.close();
    }
}
