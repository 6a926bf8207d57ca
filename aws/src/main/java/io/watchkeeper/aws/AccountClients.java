package io.watchkeeper.aws;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;

/**
 * What the sessions of one account (same id, role and external id) share across runs: the
 * account's views of the shared SDK clients ({@link AccountBound}, one per service and region) and
 * the cap on calls in flight. Each {@link AwsSessionFactory#open} still assumes the role and proves
 * the account's identity; it hands its fresh credentials to {@link #use}, and every view signs with
 * the credentials of the latest open.
 */
final class AccountClients implements AutoCloseable {

    final CallCap cap;
    final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    final Credentials credentials = new Credentials();

    AccountClients(int maxCallsInFlight) {
        this.cap = new CallCap(maxCallsInFlight);
    }

    /** The credentials every client of the account signs with from now on. */
    void use(AwsCredentialsProvider fresh) {
        credentials.delegate = Objects.requireNonNull(fresh, "credentials");
    }

    /** Drops the views (the shared clients stay open). */
    @Override
    public void close() {
        clients.clear();
    }

    /** A provider whose source the latest open replaces. */
    static final class Credentials implements AwsCredentialsProvider {
        private volatile AwsCredentialsProvider delegate;

        @Override
        public AwsCredentials resolveCredentials() {
            AwsCredentialsProvider current = delegate;
            if (current == null) {
                throw new IllegalStateException("no credentials: the account's session was not opened");
            }
            return current.resolveCredentials();
        }
    }
}
