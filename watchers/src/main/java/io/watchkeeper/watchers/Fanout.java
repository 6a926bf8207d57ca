package io.watchkeeper.watchers;

import io.watchkeeper.core.watch.ScopeCalls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs one describe call per listed resource on virtual threads, in order, carrying the scope's
 * call counter. The provider-side cap (calls in flight per account) is enforced by the session;
 * {@code parallelism} only bounds how many threads one scope starts at once.
 */
public final class Fanout {

    private static final int DEFAULT_PARALLELISM = 16;

    private Fanout() {}

    public static <T, R> List<R> map(List<T> inputs, Function<T, R> describe) {
        return map(inputs, describe, DEFAULT_PARALLELISM);
    }

    public static <T, R> List<R> map(List<T> inputs, Function<T, R> describe, int parallelism) {
        if (inputs.size() <= 1) {
            return inputs.stream().map(describe).toList();
        }
        ScopeCalls calls = ScopeCalls.current();
        Semaphore permits = new Semaphore(parallelism);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return calls == null ? describe.apply(input) : calls.run(() -> describe.apply(input));
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<R> results = new ArrayList<>(inputs.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing resources", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
