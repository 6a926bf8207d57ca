package io.watchkeeper.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.WatchMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Accounts share one SDK client per service and region, but not its retry state: the adaptive
 * strategy's client-side rate limiter and retry quota belong to each account ({@link AccountRetry}).
 * One account being throttled must not slow, nor take the retries of, another account's calls to the
 * same service and region.
 */
class AccountRetryTest {

    private LoopbackSts stub;
    private String previousEndpoint;
    private AwsSessionFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        stub = new LoopbackSts();
        previousEndpoint = System.getProperty("aws.endpointUrl");
        System.setProperty("aws.endpointUrl", stub.endpoint());
        factory = new AwsSessionFactory(new AwsSettings(List.of(), "us-east-1", 64, 128, Duration.ofSeconds(10), 2),
                WatchMetrics.NONE, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHUB", "hub")));
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

    @Test
    void aThrottledAccountDoesNotSlowAnotherAccountsCallsToTheSameServiceAndRegion() throws Exception {
        Account noisy = AwsSessionThreadsTest.account(1);
        Account quiet = AwsSessionThreadsTest.account(2);
        stub.throttled.add(noisy.externalId());
        stub.answered.add(quiet.externalId());
        try (AwsSession a = factory.open(noisy); AwsSession b = factory.open(quiet)) {
            // the quiet account's calls, before anything is throttled
            long before = timeCalls(b, 40);

            // the noisy account is throttled on every attempt, by many calls at once, and goes on
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService noisyThreads = Executors.newVirtualThreadPerTaskExecutor();
            try {
                for (int i = 0; i < 20; i++) {
                    noisyThreads.submit(() -> {
                        while (!stop.get()) {
                            try {
                                a.iam().listUsers();
                            } catch (RuntimeException throttledOrTimedOut) {
                                // expected: every attempt is throttled
                            }
                        }
                    });
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (stub.throttles.get() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(stub.throttles.get()).as("throttled attempts of the noisy account").isGreaterThanOrEqualTo(3);

                // the quiet account's calls to the same shared client go as fast as before
                long after = timeCalls(b, 40);
                System.out.printf("quiet account: 40 calls in %d ms before, %d ms after the other was throttled%n",
                        before, after);
                assertThat(after).as("40 calls of the quiet account while the other is throttled (ms)")
                        .isLessThan(Math.max(2_000, before * 4));
            } finally {
                stop.set(true);
                noisyThreads.shutdownNow();
            }
        }
    }

    private static long timeCalls(AwsSession session, int calls) {
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            assertThat(session.iam().listUsers().users()).isEmpty();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
