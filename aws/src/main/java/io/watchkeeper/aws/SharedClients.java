package io.watchkeeper.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * One SDK client per service, region and endpoint setting, shared by every account: a client costs
 * about 25 KB of heap and milliseconds of CPU to build, and 42 types on 200 accounts needed some
 * 14,000 per-account clients. The clients carry no credentials of their own ({@link AccountBound#NO_ACCOUNT});
 * each account reaches them through {@link AccountBound}. All use the shared HTTP connection pool and
 * timer pool, the adaptive retry strategy of the calling account ({@link AccountRetry}), the call timeout, the per-account cap and the call metrics.
 */
final class SharedClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final ScheduledExecutorService timers;
    private final AwsSettings settings;
    private final CallMetrics callMetrics;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    SharedClients(SdkHttpClient http, ScheduledExecutorService timers, AwsSettings settings, CallMetrics callMetrics) {
        this.http = http;
        this.timers = timers;
        this.settings = settings;
        this.callMetrics = callMetrics;
    }

    /**
     * The shared client of {@code service} in {@code region}. Clients resolve their endpoint when
     * built, so the endpoint settings are part of the key. {@code extra} is added to the same
     * override configuration: a second {@code overrideConfiguration} call would replace the first
     * (retry, cap and metrics would be lost).
     */
    @SuppressWarnings("unchecked")
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C get(
            String service, String region, Supplier<B> builder, Consumer<B> customise, ExecutionInterceptor extra) {
        String key = service + "@" + region + "|" + System.getProperty("aws.endpointUrl") + "|"
                + System.getenv("AWS_ENDPOINT_URL");
        return (C) clients.computeIfAbsent(key, k -> {
            B b = builder.get()
                    .region(Region.of(region))
                    .credentialsProvider(AccountBound.NO_ACCOUNT)
                    .httpClient(http)
                    .overrideConfiguration(o -> o
                            .scheduledExecutorService(timers)
                            .retryStrategy(new AccountRetry(settings.maxAttempts()))
                            .apiCallTimeout(settings.callTimeout())
                            .addExecutionInterceptor(CallCap.INTERCEPTOR)
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

    /** A new adaptive retry strategy (rate limiter, retry quota) for one account's view of one client. */
    software.amazon.awssdk.retries.api.RetryStrategy accountRetry() {
        return AccountRetry.fresh(settings.maxAttempts());
    }

    /** Clients built so far (for tests and diagnostics). */
    int size() {
        return clients.size();
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }
}
