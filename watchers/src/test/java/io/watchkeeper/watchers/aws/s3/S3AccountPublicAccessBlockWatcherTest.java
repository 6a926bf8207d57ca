package io.watchkeeper.watchers.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.S3AccountPublicAccessBlockConfig;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3control.S3ControlClient;

class S3AccountPublicAccessBlockWatcherTest extends AwsWatcherTestSupport {

    private final S3AccountPublicAccessBlockWatcher watcher = new S3AccountPublicAccessBlockWatcher();

    @Test
    void anAccountWithoutSettingsReportsNone() {
        Map<String, S3AccountPublicAccessBlockConfig> configs = configs(watcher, "us-east-1");
        assertThat(configs).hasSize(1);
        S3AccountPublicAccessBlockConfig c = configs.values().iterator().next();
        assertThat(c.accountId()).isEqualTo(Moto.ACCOUNT_ID);
        assertThat(c.settings()).isNull();
    }

    @Test
    void callsGoThroughTheSharedClientSettingsEvenWithTheHostFix() {
        io.watchkeeper.core.watch.ScopeCalls calls = new io.watchkeeper.core.watch.ScopeCalls();
        calls.run(() -> configs(watcher, "us-east-1"));
        assertThat(calls.calls()).as("the call cap and counter apply to the S3 Control client").isEqualTo(1);
    }

    @Test
    void readsTheAccountSettings() {
        S3ControlClient control = S3ControlClient.builder()
                .endpointOverride(java.net.URI.create(moto.endpoint()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(Moto.credentials())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                    @Override
                    public software.amazon.awssdk.http.SdkHttpRequest modifyHttpRequest(
                            software.amazon.awssdk.core.interceptor.Context.ModifyHttpRequest context,
                            software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                        return context.httpRequest().toBuilder().host("localhost").build();
                    }
                }))
                .build();
        control.putPublicAccessBlock(r -> r.accountId(Moto.ACCOUNT_ID).publicAccessBlockConfiguration(p -> p
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));

        S3AccountPublicAccessBlockConfig c = configs(watcher, "us-east-1").values().iterator().next();
        assertThat(c.settings().allBlocked()).isTrue();
    }

    @Test
    void worksWhenTheEndpointIsAnIpAddress() {
        S3ControlClient control = S3ControlClient.builder()
                .endpointOverride(java.net.URI.create(moto.endpoint()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(Moto.credentials())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                    @Override
                    public software.amazon.awssdk.http.SdkHttpRequest modifyHttpRequest(
                            software.amazon.awssdk.core.interceptor.Context.ModifyHttpRequest context,
                            software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                        return context.httpRequest().toBuilder().host("localhost").build();
                    }
                }))
                .build();
        control.putPublicAccessBlock(r -> r.accountId(Moto.ACCOUNT_ID).publicAccessBlockConfiguration(p -> p
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(true)));
        String ipEndpoint = moto.endpoint().replace("localhost", "127.0.0.1");
        Moto.pointProductAt(ipEndpoint); // AWS_ENDPOINT_URL=http://127.0.0.1:PORT, as a user would set it
        try (var factory = new io.watchkeeper.aws.AwsSessionFactory(new io.watchkeeper.aws.AwsSettings(java.util.List.of(),
                "us-east-1", 10, 32, java.time.Duration.ofSeconds(30), 1), io.watchkeeper.core.watch.WatchMetrics.NONE);
             var ipSession = factory.open(account)) {
            var observed = watcher.observe(new io.watchkeeper.core.watch.WatchScope(account,
                    io.watchkeeper.core.watch.WatchScope.GLOBAL, watcher.type()), ipSession);
            assertThat(observed).singleElement().isInstanceOf(io.watchkeeper.core.watch.Observation.Observed.class);
            S3AccountPublicAccessBlockConfig c = ((io.watchkeeper.core.watch.Observation.Observed<S3AccountPublicAccessBlockConfig>)
                    observed.getFirst()).config();
            assertThat(c.settings().allBlocked()).isFalse();
            assertThat(c.settings()).isNotNull();
        } finally {
            Moto.pointProductAt(moto.endpoint());
        }
    }
}
