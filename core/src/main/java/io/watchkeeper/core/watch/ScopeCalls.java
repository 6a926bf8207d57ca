package io.watchkeeper.core.watch;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts the provider calls made on behalf of one scope. The pipeline installs a counter on the
 * scope's thread; {@link Fanout} carries it to the threads it starts; SDK hooks add to it.
 */
public final class ScopeCalls {

    private static final ThreadLocal<ScopeCalls> CURRENT = new ThreadLocal<>();

    private final LongAdder calls = new LongAdder();
    private final LongAdder throttles = new LongAdder();

    /** The counter of the scope running on this thread, or null outside a scope. */
    public static ScopeCalls current() {
        return CURRENT.get();
    }

    public <T> T run(Supplier<T> work) {
        ScopeCalls previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public void call() {
        calls.increment();
    }

    public void throttled() {
        throttles.increment();
    }

    public long calls() {
        return calls.sum();
    }

    public long throttles() {
        return throttles.sum();
    }
}
