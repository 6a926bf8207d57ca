package io.watchkeeper.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leased cache behind AWS accounts' and GCP projects' kept clients: values are kept between leases, only the keys
 * in use plus a bounded number of recently leased ones stay open, and a value in use is never closed.
 */
class LeasedCacheTest {

    /** A kept value that knows whether it was closed. */
    static final class Value {
        final String key;
        boolean closed;

        Value(String key) {
            this.key = key;
        }
    }

    private final List<Value> closed = new ArrayList<>();

    private LeasedCache<Value> cache(int capacity, LeasedCache.Bound bound) {
        return new LeasedCache<>(capacity, bound, v -> {
            v.closed = true;
            closed.add(v);
        });
    }

    /** Leases and releases {@code key} at once, as a session opened and closed does. */
    private static Value use(LeasedCache<Value> cache, String key) {
        Value v = cache.lease(key, () -> new Value(key));
        cache.release(key, v);
        return v;
    }

    @Test
    void aKeysValueIsKeptBetweenLeasesAndTheLeastRecentlyLeasedAreClosedFirst() {
        for (LeasedCache.Bound bound : LeasedCache.Bound.values()) {
            closed.clear();
            LeasedCache<Value> cache = cache(8, bound);
            Value first = use(cache, "a1");
            assertThat(use(cache, "a1")).as("kept between leases (%s)", bound).isSameAs(first);
            for (int n = 2; n <= 100; n++) {
                use(cache, "a" + n);
                assertThat(cache.open()).isLessThanOrEqualTo(8);
            }
            assertThat(cache.open()).isEqualTo(8);
            assertThat(first.closed).as("dropped values are closed").isTrue();
            assertThat(closed).hasSize(92).extracting(v -> v.key).startsWith("a1", "a2", "a3").doesNotContain("a100");
            assertThat(use(cache, "a1")).as("built again once dropped").isNotSameAs(first);
            Value recent = use(cache, "a100");
            assertThat(use(cache, "a100")).as("a recent one is still kept").isSameAs(recent);
            assertThat(recent.closed).isFalse();
        }
    }

    @Test
    void valuesInUseAreNeverClosedEvenBeyondTheBound() {
        for (LeasedCache.Bound bound : LeasedCache.Bound.values()) {
            closed.clear();
            LeasedCache<Value> cache = cache(8, bound);
            List<Value> held = new ArrayList<>();
            for (int n = 1; n <= 20; n++) {
                held.add(cache.lease("h" + n, () -> new Value("held")));
            }
            assertThat(cache.open()).isEqualTo(20);
            assertThat(cache.leased()).isEqualTo(20);
            for (int n = 21; n <= 40; n++) {
                use(cache, "u" + n);
            }
            for (int n = 1; n <= 20; n++) {
                assertThat(cache.lease("h" + n, () -> new Value("new"))).as("still the held value").isSameAs(held.get(n - 1));
                cache.release("h" + n, held.get(n - 1));
            }
            assertThat(held).noneMatch(v -> v.closed);
            // ALL_KEPT: nothing beyond the 20 in use; UNUSED: 8 more beyond them
            assertThat(cache.open()).isEqualTo(bound == LeasedCache.Bound.ALL_KEPT ? 20 : 28);
            for (int n = 1; n <= 20; n++) {
                cache.release("h" + n, held.get(n - 1));
            }
            assertThat(cache.leased()).isZero();
            assertThat(cache.open()).isEqualTo(8);
        }
    }

    @Test
    void twoLeasesOfOneKeyShareItsValueUntilBothAreReleased() {
        for (LeasedCache.Bound bound : LeasedCache.Bound.values()) {
            LeasedCache<Value> cache = cache(1, bound);
            Value a = cache.lease("k", () -> new Value("k"));
            Value b = cache.lease("k", () -> new Value("other"));
            assertThat(b).isSameAs(a);
            cache.release("k", a);
            for (int n = 2; n <= 30; n++) {
                use(cache, "k" + n);
            }
            assertThat(a.closed).as("the second lease still holds it (%s)", bound).isFalse();
            assertThat(cache.lease("k", () -> new Value("other"))).isSameAs(a);
            cache.release("k", a);
            cache.release("k", a);
            use(cache, "k31");
            use(cache, "k32");
            assertThat(a.closed).as("closed once unused and beyond the bound").isTrue();
        }
    }

    @Test
    void aReleaseOfAValueNoLongerKeptChangesNothing() {
        LeasedCache<Value> cache = cache(0, LeasedCache.Bound.UNUSED);
        Value old = use(cache, "k");
        assertThat(old.closed).as("capacity 0 keeps nothing unused").isTrue();
        Value current = cache.lease("k", () -> new Value("k"));
        cache.release("k", old);
        assertThat(cache.leased()).as("the stale release leaves the current lease").isEqualTo(1);
        assertThat(current.closed).isFalse();
        cache.release("k", current);
        assertThat(current.closed).isTrue();
        assertThat(cache.open()).isZero();
    }

    @Test
    void closingTheCacheClosesEveryValueLeasedOrNot() {
        LeasedCache<Value> cache = cache(4, LeasedCache.Bound.UNUSED);
        Value leased = cache.lease("a", () -> new Value("a"));
        Value kept = use(cache, "b");
        cache.close();
        assertThat(leased.closed).isTrue();
        assertThat(kept.closed).isTrue();
        assertThat(cache.open()).isZero();
        cache.release("a", leased);
        assertThat(closed).hasSize(2);
    }

    @Test
    void aNegativeCapacityIsRejected() {
        assertThatThrownBy(() -> cache(-1, LeasedCache.Bound.ALL_KEPT)).isInstanceOf(IllegalArgumentException.class);
    }
}
