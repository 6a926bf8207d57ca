package io.watchkeeper.github;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * What one session spent: requests sent, answers that were 304 Not Modified (free under GitHub's
 * primary rate limit), rate-limit points (every other answer that carried {@code X-RateLimit-*}
 * headers costs one), throttled answers, and the last rate-limit state GitHub reported.
 */
public final class CallUsage {

    private final LongAdder requests = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder points = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final AtomicReference<RateLimit> last = new AtomicReference<>();

    /**
     * GitHub's rate-limit headers of one answer.
     *
     * @param limit {@code X-RateLimit-Limit}
     * @param remaining {@code X-RateLimit-Remaining}
     * @param used {@code X-RateLimit-Used}
     * @param reset {@code X-RateLimit-Reset}
     * @param resource {@code X-RateLimit-Resource} (core, search, graphql...)
     */
    public record RateLimit(long limit, long remaining, long used, Instant reset, String resource) {

        /** The headers of an answer, or null when it carries none (or malformed ones). */
        static RateLimit of(Function<String, String> header) {
            try {
                String remaining = header.apply("X-RateLimit-Remaining");
                if (remaining == null) {
                    return null;
                }
                String limit = header.apply("X-RateLimit-Limit");
                String used = header.apply("X-RateLimit-Used");
                String reset = header.apply("X-RateLimit-Reset");
                return new RateLimit(limit == null ? -1 : Long.parseLong(limit.strip()), Long.parseLong(remaining.strip()),
                        used == null ? -1 : Long.parseLong(used.strip()),
                        reset == null ? null : Instant.ofEpochSecond(Long.parseLong(reset.strip())),
                        header.apply("X-RateLimit-Resource"));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** A copy of the counters. */
    public record Snapshot(long requests, long notModified, long points, long throttled, RateLimit rateLimit) {}

    void answered(int status, RateLimit rateLimit) {
        requests.increment();
        if (status == 304) {
            notModified.increment();
        } else if (rateLimit != null) {
            points.increment();
        }
        if (rateLimit != null) {
            last.set(rateLimit);
        }
    }

    void throttled() {
        throttled.increment();
    }

    public Snapshot snapshot() {
        return new Snapshot(requests.sum(), notModified.sum(), points.sum(), throttled.sum(), last.get());
    }
}
