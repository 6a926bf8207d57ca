package io.watchkeeper.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.internal.retry.SdkDefaultRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.internal.DefaultAwareRetryStrategy;

/**
 * The retry strategy of a shared client: it hands every call to the adaptive strategy of the
 * calling account ({@link #CURRENT}, set by {@link AccountBound} around the call on the calling
 * thread), so the client-side rate limiter and the retry quota are per account, service and region.
 * With one strategy per shared client, a throttled account lowered the send rate and drained the
 * retry quota of every other account using that service and region.
 *
 * <p>Tokens remember the strategy that issued them, so retries and successes go back to it even
 * if another account's call runs on the same thread in between.
 */
final class AccountRetry implements RetryStrategy {

    /** The calling account's strategy for the call running on this thread (sync clients retry on the caller's thread). */
    static final ThreadLocal<RetryStrategy> CURRENT = new ThreadLocal<>();

    private final int maxAttempts;
    /** For requests that carry no account: they are refused when signing, this only keeps the SDK going. */
    private final RetryStrategy unbound;

    AccountRetry(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        this.unbound = fresh(maxAttempts);
    }

    /**
     * A new adaptive strategy with its own rate limiter and retry quota, configured as the SDK
     * configures the one given to a client builder (the AWS and SDK retry conditions and throttling
     * codes are added by the builder only to the strategy it is given, so they are added here).
     */
    static RetryStrategy fresh(int maxAttempts) {
        RetryStrategy strategy = AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(maxAttempts).build();
        if (strategy.useClientDefaults() && strategy instanceof DefaultAwareRetryStrategy aware) {
            strategy = aware.addDefaults(AwsRetryStrategy.retryStrategyDefaults())
                    .addDefaults(SdkDefaultRetryStrategy.retryStrategyDefaults());
        }
        return strategy;
    }

    /** Runs {@code call} with {@code strategy} as the retry strategy of the calls it makes on this thread. */
    static <T> T with(RetryStrategy strategy, Call<T> call) throws Throwable {
        RetryStrategy previous = CURRENT.get();
        CURRENT.set(strategy);
        try {
            return call.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws Throwable;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        RetryStrategy strategy = CURRENT.get();
        if (strategy == null) {
            strategy = unbound;
        }
        AcquireInitialTokenResponse response = strategy.acquireInitialToken(request);
        return AcquireInitialTokenResponse.create(new Issued(response.token(), strategy), response.delay());
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Issued issued = (Issued) request.token();
        RefreshRetryTokenRequest.Builder inner = RefreshRetryTokenRequest.builder()
                .token(issued.token).failure(request.failure());
        request.suggestedDelay().ifPresent(inner::suggestedDelay);
        RefreshRetryTokenResponse response = issued.strategy.refreshRetryToken(inner.build());
        return RefreshRetryTokenResponse.create(new Issued(response.token(), issued.strategy), response.delay());
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        Issued issued = (Issued) request.token();
        RecordSuccessResponse response = issued.strategy.recordSuccess(RecordSuccessRequest.create(issued.token));
        return RecordSuccessResponse.create(new Issued(response.token(), issued.strategy));
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Configured here, not by the client builder (it would only configure a strategy it knows). */
    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public Builder<?, ?> toBuilder() {
        throw new UnsupportedOperationException("the per-account retry strategy is not rebuilt; configure "
                + "watchkeeper.aws.max-attempts instead");
    }

    /** A token of the strategy that issued it. */
    private record Issued(RetryToken token, RetryStrategy strategy) implements RetryToken {}
}
