package io.watchkeeper.gcp;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
    private final List<ByteBuffer> received = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    BoundedBody(int limit, String service) {
        this.limit = limit;
        this.service = service;
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
            size += buffer.remaining();
            received.add(buffer);
        }
        if (size > limit) {
            received.clear();
            subscription.cancel();
            result.completeExceptionally(new TooLarge("answer of " + service + " over " + limit + " bytes"));
        }
    }

    @Override
    public void onError(Throwable failure) {
        received.clear();
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        byte[] all = new byte[(int) size];
        int at = 0;
        for (ByteBuffer buffer : received) {
            int n = buffer.remaining();
            buffer.get(all, at, n);
            at += n;
        }
        received.clear();
        result.complete(all);
    }
}
