package io.watchkeeper.aws;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.LeasedCache;
import io.watchkeeper.core.watch.SessionFactory;
import io.watchkeeper.core.watch.WatchMetrics;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Opens AWS sessions. The hub credential is the default AWS credential chain; an account with a
 * role ARN is reached by assuming that role (with its external id) at every open. There is one SDK
 * client per service and region for all accounts ({@link SharedClients}); they share one HTTP
 * connection pool and one small timer pool (the call timeouts), so no client owns a thread. Each
 * account sees them through views that sign with its credentials and count against its cap
 * ({@link AccountBound}); an account's views and cap are kept across its sessions
 * ({@link AccountClients}), signing with the credentials of the latest open, for the accounts in
 * use plus at most {@code cachedAccounts} more ({@link LeasedCache}).
 */
public final class AwsSessionFactory implements SessionFactory, AutoCloseable {

    private final AwsSettings settings;
    private final WatchMetrics metrics;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider hub;
    private final StsClient hubSts;
    private final CallMetrics callMetrics;
    /** Runs the SDK's call-timeout tasks of every client (the SDK would start a pool per client). */
    private final ScheduledExecutorService timers;
    /** One SDK client per service and region for all accounts. */
    private final SharedClients sharedClients;
    /** Per account (id, role, external id): credentials, call cap and views of the shared clients. */
    private final LeasedCache<AccountClients> accountClients;

    /** Accounts whose clients are kept between runs beyond those in use, by default. */
    public static final int DEFAULT_CACHED_ACCOUNTS = 64;

    public AwsSessionFactory(AwsSettings settings, WatchMetrics metrics) {
        this(settings, metrics, DefaultCredentialsProvider.builder().build());
    }

    public AwsSessionFactory(AwsSettings settings, WatchMetrics metrics, AwsCredentialsProvider hub) {
        this(settings, metrics, hub, DEFAULT_CACHED_ACCOUNTS);
    }

    /**
     * @param cachedAccounts accounts whose SDK clients stay open between their sessions, beyond the
     *     accounts in use (the least recently opened are closed first)
     */
    public AwsSessionFactory(AwsSettings settings, WatchMetrics metrics, AwsCredentialsProvider hub, int cachedAccounts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.hub = Objects.requireNonNull(hub, "hub");
        StaxFactoryPin.pin();
        this.callMetrics = new CallMetrics(metrics);
        this.accountClients = new LeasedCache<>(cachedAccounts, LeasedCache.Bound.ALL_KEPT, AccountClients::close);
        this.timers = timers();
        this.http = ApacheHttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(java.time.Duration.ofSeconds(10))
                .socketTimeout(java.time.Duration.ofSeconds(60))
                .build();
        this.hubSts = StsClient.builder()
                .region(Region.of(settings.homeRegion()))
                .credentialsProvider(hub)
                .httpClient(http)
                .overrideConfiguration(o -> o.scheduledExecutorService(timers))
                .build();
        this.sharedClients = new SharedClients(http, timers, settings, callMetrics);
    }

    /**
     * Two daemon threads for every client's call timeouts. Each call schedules a timeout that is
     * cancelled when the call ends; cancelled tasks leave the queue at once, so it holds only the
     * calls in flight.
     */
    private static ScheduledExecutorService timers() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, task -> {
            Thread t = new Thread(task, "watchkeeper-aws-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    @Override
    public Provider provider() {
        return Provider.AWS;
    }

    /**
     * A session in the account, which first proves whose account it is: {@code sts:GetCallerIdentity}
     * (after assuming the role, or with the hub credential when there is none) must answer with the
     * registered account id, otherwise nothing is done with it. Third-party accounts (known, not
     * ours) are reference data and are never opened.
     */
    @Override
    public AwsSession open(Account account) {
        if (account.thirdParty()) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "account " + account.name() + " ("
                    + account.externalId() + ") is a third-party account: reference data for the auditors, never opened");
        }
        AwsCredentialsProvider credentials = hub;
        String role = account.access().roleArn();
        if (role != null) {
            credentials = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(hubSts)
                    .refreshRequest(r -> r.roleArn(role)
                            .roleSessionName("watchkeeper")
                            .externalId(account.access().roleExternalId())
                            .durationSeconds(3600))
                    .build();
            try {
                credentials.resolveCredentials();
            } catch (RuntimeException e) {
                throw new WatchkeeperException(ErrorCategory.DENIED,
                        "could not assume " + role + " for account " + account.name() + ": " + AwsErrors.describe(e), e);
            }
        }
        // clients resolve their endpoint when built: a changed endpoint setting gets new ones
        String key = account.externalId() + "|" + role + "|" + account.access().roleExternalId() + "|"
                + System.getProperty("aws.endpointUrl") + "|" + System.getenv("AWS_ENDPOINT_URL");
        AccountClients shared = accountClients.lease(key, () -> new AccountClients(settings.maxCallsInFlightPerAccount()));
        shared.use(credentials);
        AwsSession session = new AwsSession(account, shared, sharedClients, settings,
                () -> accountClients.release(key, shared));
        try {
            proveIdentity(session);
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static void proveIdentity(AwsSession session) {
        Account account = session.account();
        String reached;
        try {
            reached = session.sts().getCallerIdentity().account();
        } catch (RuntimeException e) {
            throw AwsErrors.translate("checking the identity of account " + account.name()
                    + " (sts:GetCallerIdentity)", e);
        }
        if (!account.externalId().equals(reached)) {
            String via = account.access().roleArn() == null ? "the hub credential (no role)"
                    : "role " + account.access().roleArn();
            throw new WatchkeeperException(ErrorCategory.DENIED, "identity mismatch: registered " + account.externalId()
                    + ", reached " + reached + " (account " + account.name() + ", through " + via
                    + "); nothing is read or written until the account id or its role is corrected");
        }
    }

    @Override
    public List<String> regions(CloudSession session) {
        AwsSession aws = (AwsSession) session;
        if (!aws.account().regions().isEmpty()) {
            return aws.account().regions();
        }
        if (!settings.defaultRegions().isEmpty()) {
            return settings.defaultRegions();
        }
        try {
            return aws.ec2(settings.homeRegion()).describeRegions(r -> r.allRegions(false)).regions().stream()
                    .map(software.amazon.awssdk.services.ec2.model.Region::regionName)
                    .sorted()
                    .toList();
        } catch (RuntimeException e) {
            throw AwsErrors.translate("discovering the enabled regions of " + aws.account().name(), e);
        }
    }

    /** The hub credential, for account discovery through AWS Organizations. */
    public AwsSession openHub(Account placeholder) {
        return new AwsSession(placeholder, hub, sharedClients, settings);
    }

    /** Accounts whose clients (views of the shared ones) are kept now, in use or not; for tests and diagnostics. */
    public int accountsWithOpenClients() {
        return accountClients.open();
    }

    /** SDK clients built so far, for all accounts together; for tests and diagnostics. */
    public int sdkClients() {
        return sharedClients.size() + 1;
    }

    @Override
    public void close() {
        accountClients.close();
        sharedClients.close();
        hubSts.close();
        http.close();
        timers.shutdownNow();
    }

}
