package io.watchkeeper.aws;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.WatchMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
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
 * Access to one AWS account: SDK clients per service and region, built on first use and shared by
 * the run's scopes. Every client uses the adaptive retry strategy, the shared connection pool and
 * timer pool (no client owns a thread), the account's cap on calls in flight and the call metrics.
 */
public final class AwsSession implements CloudSession {

    private final Account account;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final ScheduledExecutorService timers;
    private final AwsSettings settings;
    private final CallCap cap;
    private final CallMetrics callMetrics;
    private final Map<String, SdkClient> clients;
    /** Whether the clients are this session's own (closed with it) or the account's, shared across runs. */
    private final boolean ownsClients;
    /** Gives the account's shared clients back (see {@link AccountClientCache}); once. */
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    AwsSession(Account account, AwsCredentialsProvider credentials, SdkHttpClient http, ScheduledExecutorService timers,
               AwsSettings settings, WatchMetrics metrics) {
        this.account = account;
        this.credentials = credentials;
        this.http = http;
        this.timers = timers;
        this.settings = settings;
        this.cap = new CallCap(settings.maxCallsInFlightPerAccount());
        this.callMetrics = new CallMetrics(metrics);
        this.clients = new ConcurrentHashMap<>();
        this.ownsClients = true;
        this.release = () -> {};
    }

    /**
     * A session on the account's shared clients (see {@link AccountClients}); closing it leaves them
     * open and runs {@code release} once.
     */
    AwsSession(Account account, AccountClients shared, SdkHttpClient http, ScheduledExecutorService timers,
               AwsSettings settings, CallMetrics callMetrics, Runnable release) {
        this.account = account;
        this.credentials = shared.credentials;
        this.http = http;
        this.timers = timers;
        this.settings = settings;
        this.cap = shared.cap;
        this.callMetrics = callMetrics;
        this.clients = shared.clients;
        this.ownsClients = false;
        this.release = release;
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

    public IamClient iam() {
        return client("iam", Region.AWS_GLOBAL.id(), IamClient::builder, b -> {});
    }

    public S3Client s3() {
        return client("s3", settings.homeRegion(), S3Client::builder, b -> b
                .crossRegionAccessEnabled(true)
                .forcePathStyle(AwsEndpoints.configured("s3").isPresent()));
    }

    public S3ControlClient s3control() {
        java.util.Optional<java.net.URI> endpoint = AwsEndpoints.configured("s3Control");
        return client("s3control", settings.homeRegion(), S3ControlClient::builder,
                b -> endpoint.ifPresent(e -> b.endpointOverride(S3ControlHostFix.clientEndpoint(e))),
                endpoint.map(S3ControlHostFix::new).orElse(null));
    }

    public Ec2Client ec2(String region) {
        return client("ec2", region, Ec2Client::builder, b -> {});
    }

    /** ACM in {@code region} (certificate destinations). */
    public software.amazon.awssdk.services.acm.AcmClient acm(String region) {
        return client("acm", region, software.amazon.awssdk.services.acm.AcmClient::builder, b -> {});
    }

    public KmsClient kms(String region) {
        return client("kms", region, KmsClient::builder, b -> {});
    }

    public SqsClient sqs(String region) {
        return client("sqs", region, SqsClient::builder, b -> {});
    }

    public SnsClient sns(String region) {
        return client("sns", region, SnsClient::builder, b -> {});
    }

    public LambdaClient lambda(String region) {
        return client("lambda", region, LambdaClient::builder, b -> {});
    }

    public RdsClient rds(String region) {
        return client("rds", region, RdsClient::builder, b -> {});
    }

    public CloudTrailClient cloudTrail(String region) {
        return client("cloudtrail", region, CloudTrailClient::builder, b -> {});
    }

    public StsClient sts() {
        return client("sts", settings.homeRegion(), StsClient::builder, b -> {});
    }

    public OrganizationsClient organizations() {
        return client("organizations", settings.homeRegion(), OrganizationsClient::builder, b -> {});
    }

    // Services added for issue 14 (one client per service and region, same shared settings).

    public software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient logs(String region) {
        return client("logs", region, software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.cloudwatch.CloudWatchClient cloudWatch(String region) {
        return client("cloudwatch", region, software.amazon.awssdk.services.cloudwatch.CloudWatchClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.config.ConfigClient config(String region) {
        return client("config", region, software.amazon.awssdk.services.config.ConfigClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.guardduty.GuardDutyClient guardDuty(String region) {
        return client("guardduty", region, software.amazon.awssdk.services.guardduty.GuardDutyClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient accessAnalyzer(String region) {
        return client("access-analyzer", region,
                software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.securityhub.SecurityHubClient securityHub(String region) {
        return client("securityhub", region, software.amazon.awssdk.services.securityhub.SecurityHubClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client elbv2(String region) {
        return client("elbv2", region,
                software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client::builder, b -> {});
    }

    public software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient elb(String region) {
        return client("elb", region,
                software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager(String region) {
        return client("secretsmanager", region,
                software.amazon.awssdk.services.secretsmanager.SecretsManagerClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.eks.EksClient eks(String region) {
        return client("eks", region, software.amazon.awssdk.services.eks.EksClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.ecr.EcrClient ecr(String region) {
        return client("ecr", region, software.amazon.awssdk.services.ecr.EcrClient::builder, b -> {});
    }

    public software.amazon.awssdk.services.efs.EfsClient efs(String region) {
        return client("efs", region, software.amazon.awssdk.services.efs.EfsClient::builder, b -> {});
    }

    @SuppressWarnings("unchecked")
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            String service, String region, Supplier<B> builder, Consumer<B> customise) {
        return client(service, region, builder, customise, null);
    }

    /**
     * A cached client with the shared settings. {@code extra} is added to the same override
     * configuration: a second {@code overrideConfiguration} call would replace the first (retry,
     * cap and metrics would be lost).
     */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            String service, String region, Supplier<B> builder, Consumer<B> customise,
            software.amazon.awssdk.core.interceptor.ExecutionInterceptor extra) {
        return (C) clients.computeIfAbsent(service + "@" + region, key -> {
            B b = builder.get()
                    .region(Region.of(region))
                    .credentialsProvider(credentials)
                    .httpClient(http)
                    .overrideConfiguration(o -> o
                            .scheduledExecutorService(timers)
                            .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                                    .maxAttempts(settings.maxAttempts()).build())
                            .apiCallTimeout(settings.callTimeout())
                            .addExecutionInterceptor(cap)
                            .addMetricPublisher(callMetrics)
                            .applyMutation(o2 -> {
                                if (extra != null) {
                                    o2.addExecutionInterceptor(extra);
                                }
                            }));
            customise.accept(b);
            return b.build();
        });
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ownsClients) {
            clients.values().forEach(SdkClient::close);
            clients.clear();
        }
        release.run();
    }
}
