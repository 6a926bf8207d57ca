package io.watchkeeper.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.Account;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts share one SDK client per service and region, but not its retry state: the adaptive
 * strategy's client-side rate limiter and retry quota belong to each account ({@link AccountRetry}).
 * One account being throttled must not slow, nor take the retries of, another account's calls to the
 * same service and region.
 */
class AccountRetryTest {

    private StubbedAws aws;
    private LoopbackSts stub;
    private AwsSessionFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        aws = new StubbedAws();
        stub = aws.stub();
        factory = StubbedAws.factory(StubbedAws.settings(64, 128, Duration.ofSeconds(10), 2));
    }

    @AfterEach
    void tearDown() {
        factory.close();
        aws.close();
    }

    @Test
    void aThrottledAccountDoesNotSlowAnotherAccountsCallsToTheSameServiceAndRegion() throws Exception {
        Account noisy = StubbedAws.account(1);
        Account quiet = StubbedAws.account(2);
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
