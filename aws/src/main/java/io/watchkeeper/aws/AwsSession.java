package io.watchkeeper.aws;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.CloudSession;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Access to one AWS account: per service and region, the account's view ({@link AccountBound}) of
 * a client shared by all accounts ({@link SharedClients}), which signs every request with this
 * account's credentials and counts it against the account's cap on calls in flight. The shared
 * clients use the adaptive retry strategy, the shared connection pool and timer pool (no client
 * owns a thread) and the call metrics.
 */
public final class AwsSession implements CloudSession {

    private final Account account;
    private final AwsSettings settings;
    private final SharedClients shared;
    private final AccountClients views;
    /** Gives the account's views back (see {@link io.watchkeeper.core.watch.LeasedCache}); once. */
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Answers shared by the watchers of this session (see {@link #shared}). */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.FutureTask<Object>> sharedAnswers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A session of its own (the hub's), with its own cap and views. */
    AwsSession(Account account, AwsCredentialsProvider credentials, SharedClients shared, AwsSettings settings) {
        this(account, own(credentials, settings), shared, settings, () -> {});
    }

    /** A session on the account's views (see {@link AccountClients}); {@code release} runs once on close. */
    AwsSession(Account account, AccountClients views, SharedClients shared, AwsSettings settings, Runnable release) {
        this.account = account;
        this.views = views;
        this.shared = shared;
        this.settings = settings;
        this.release = release;
    }

    private static AccountClients own(AwsCredentialsProvider credentials, AwsSettings settings) {
        AccountClients own = new AccountClients(settings.maxCallsInFlightPerAccount());
        own.use(credentials);
        return own;
    }

    @Override
    public Account account() {
        return account;
    }

    /** The account number the session works in. */
    public String accountId() {
        return account.externalId();
    }

    public String homeRegion() {
        return settings.homeRegion();
    }

    /**
     * The answer of {@code fetch}, asked once per session (one account in one run) and shared by
     * every watcher that asks for the same {@code key}: an account-wide answer several types read
     * (the IAM credential report) costs its calls once. Callers that ask while it is being fetched
     * wait for it; a failure is every asker's failure (each scope reports it), and is not kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, Supplier<T> fetch) {
        java.util.concurrent.FutureTask<Object> task = new java.util.concurrent.FutureTask<>(fetch::get);
        java.util.concurrent.FutureTask<Object> existing = sharedAnswers.putIfAbsent(key, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return (T) existing.get();
        } catch (java.util.concurrent.ExecutionException e) {
            sharedAnswers.remove(key, existing);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + key, e);
        }
    }

    public IamClient iam() {
        return client(IamClient.class, "iam", Region.AWS_GLOBAL.id(), IamClient::builder, b -> {});
    }

    public S3Client s3() {
        return client(S3Client.class, "s3", settings.homeRegion(), S3Client::builder, b -> b
                .crossRegionAccessEnabled(true)
                .forcePathStyle(AwsEndpoints.configured("s3").isPresent()));
    }

    /**
     * S3 in {@code region}, for calls on buckets known to be there (their region named by
     * ListBuckets or GetBucketLocation). It does not follow redirects: a call on a bucket in another
     * region fails (301) instead of being sent twice. The cross-region client of {@link #s3()} costs
     * a redirected first call per bucket outside the home region and some CPU on every call.
     */
    public S3Client s3(String region) {
        return client(S3Client.class, "s3-regional", region, S3Client::builder, b -> b
                .forcePathStyle(AwsEndpoints.configured("s3").isPresent()));
    }

    public S3ControlClient s3control() {
        java.util.Optional<java.net.URI> endpoint = AwsEndpoints.configured("s3Control");
        return client(S3ControlClient.class, "s3control", settings.homeRegion(), S3ControlClient::builder,
                b -> endpoint.ifPresent(e -> b.endpointOverride(S3ControlHostFix.clientEndpoint(e))),
                endpoint.map(S3ControlHostFix::new).orElse(null));
    }

    public Ec2Client ec2(String region) {
        return client(Ec2Client.class, "ec2", region, Ec2Client::builder, b -> {});
    }

    /** ACM in {@code region} (certificate destinations). */
    public software.amazon.awssdk.services.acm.AcmClient acm(String region) {
        return client(software.amazon.awssdk.services.acm.AcmClient.class, "acm", region, software.amazon.awssdk.services.acm.AcmClient::builder, b -> {});
    }

    public KmsClient kms(String region) {
        return client(KmsClient.class, "kms", region, KmsClient::builder, b -> {});
    }

    public SqsClient sqs(String region) {
        return client(SqsClient.class, "sqs", region, SqsClient::builder, b -> {});
    }

    public SnsClient sns(String region) {
        return client(SnsClient.class, "sns", region, SnsClient::builder, b -> {});
    }

    public LambdaClient lambda(String region) {
        return client(LambdaClient.class, "lambda", region, LambdaClient::builder, b -> {});
    }

    public RdsClient rds(String region) {
        return client(RdsClient.class, "rds", region, RdsClient::builder, b -> {});
    }

    public CloudTrailClient cloudTrail(String region) {
        return client(CloudTrailClient.class, "cloudtrail", region, CloudTrailClient::builder, b -> {});
    }

    public StsClient sts() {
        return client(StsClient.class, "sts", settings.homeRegion(), StsClient::builder, b -> {});
    }

    public OrganizationsClient organizations() {
        return client(OrganizationsClient.class, "organizations", settings.homeRegion(), OrganizationsClient::builder, b -> {});
    }

    // Services added for issue 14 (one client per service and region, same shared settings).

    public software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient logs(String region) {
        return client(software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.class, "logs", region, software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.cloudwatch.CloudWatchClient cloudWatch(String region) {
        return client(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.class, "cloudwatch", region, software.amazon.awssdk.services.cloudwatch.CloudWatchClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.config.ConfigClient config(String region) {
        return client(software.amazon.awssdk.services.config.ConfigClient.class, "config", region, software.amazon.awssdk.services.config.ConfigClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.guardduty.GuardDutyClient guardDuty(String region) {
        return client(software.amazon.awssdk.services.guardduty.GuardDutyClient.class, "guardduty", region, software.amazon.awssdk.services.guardduty.GuardDutyClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient accessAnalyzer(String region) {
        return client(software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient.class, "access-analyzer", region,
                software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.securityhub.SecurityHubClient securityHub(String region) {
        return client(software.amazon.awssdk.services.securityhub.SecurityHubClient.class, "securityhub", region, software.amazon.awssdk.services.securityhub.SecurityHubClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client elbv2(String region) {
        return client(software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client.class, "elbv2", region,
                software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client::builder, b -> {});
    }

    public software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient elb(String region) {
        return client(software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient.class, "elb", region,
                software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager(String region) {
        return client(software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.class, "secretsmanager", region,
                software.amazon.awssdk.services.secretsmanager.SecretsManagerClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.eks.EksClient eks(String region) {
        return client(software.amazon.awssdk.services.eks.EksClient.class, "eks", region, software.amazon.awssdk.services.eks.EksClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.ecr.EcrClient ecr(String region) {
        return client(software.amazon.awssdk.services.ecr.EcrClient.class, "ecr", region, software.amazon.awssdk.services.ecr.EcrClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.efs.EfsClient efs(String region) {
        return client(software.amazon.awssdk.services.efs.EfsClient.class, "efs", region, software.amazon.awssdk.services.efs.EfsClient::builder, b -> {});
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            Class<C> type, String service, String region, Supplier<B> builder, Consumer<B> customise) {
        return client(type, service, region, builder, customise, null);
    }

    /** The account's view of the shared client, the same view for every session of the account. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            Class<C> type, String service, String region, Supplier<B> builder, Consumer<B> customise,
            software.amazon.awssdk.core.interceptor.ExecutionInterceptor extra) {
        C client = shared.get(service, region, builder, customise, extra);
        return type.cast(views.clients.computeIfAbsent(service + "@" + region + "@" + System.identityHashCode(client),
                k -> AccountBound.bind(type, client, views.credentials, views.cap, shared.accountRetry())));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
