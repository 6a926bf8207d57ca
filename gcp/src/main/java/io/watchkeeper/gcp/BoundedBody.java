package io.watchkeeper.gcp;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read whole into a byte array, at most {@code limit} bytes: a longer answer (an API response is
 * attacker-controlled) cancels the exchange and fails with {@link TooLarge} instead of filling the heap.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** An answer over the limit: not retried. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final int limit;
    private final String service;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    /** Copied at once: the client's buffers may be slices of larger read buffers, not to be held. */
    private byte[] received;
    private long size;
    private Flow.Subscription subscription;

    /** @param expected the announced length (Content-Length, -1 if none): a first guess, at most 1 MiB */
    BoundedBody(int limit, String service, long expected) {
        this.limit = limit;
        this.service = service;
        this.received = new byte[(int) Math.min(1 << 20, expected < 0 ? 8192 : Math.max(expected, 16))];
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            if (size + n > limit) {
                received = null;
                subscription.cancel();
                result.completeExceptionally(new TooLarge("answer of " + service + " over " + limit + " bytes"));
                return;
            }
            if (size + n > received.length) {
                received = Arrays.copyOf(received, (int) Math.min(limit, Math.max(size + n, 2L * received.length)));
            }
            buffer.get(received, (int) size, n);
            size += n;
        }
    }

    @Override
    public void onError(Throwable failure) {
        received = null;
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        byte[] all = size == received.length ? received : Arrays.copyOf(received, (int) size);
        received = null;
        result.complete(all);
    }
}
