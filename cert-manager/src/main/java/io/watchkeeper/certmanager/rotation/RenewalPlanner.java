package io.watchkeeper.certmanager.rotation;

import io.watchkeeper.certmanager.issuer.RenewalWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to renew. With an ARI window: a point inside it chosen by the certificate id (stable across
 * restarts and nodes, spread across certificates). Without: notBefore + 2/3 of the lifetime (1/2 for
 * lifetimes under 10 days), minus up to 5 % of the lifetime of jitter so a fleet issued together
 * does not renew in the same minute.
 */
public final class RenewalPlanner {

    static final Duration SHORT = Duration.ofDays(10);

    private RenewalPlanner() {}

    public static Instant renewAfter(long certificateId, Instant notBefore, Instant notAfter,
                                     Optional<RenewalWindow> window) {
        double spread = spread(certificateId);
        if (window.isPresent()) {
            RenewalWindow w = window.get();
            long span = Duration.between(w.start(), w.end()).toMillis();
            return w.start().plusMillis((long) (span * spread));
        }
        Duration lifetime = Duration.between(notBefore, notAfter);
        Duration at = lifetime.compareTo(SHORT) < 0 ? lifetime.dividedBy(2) : lifetime.multipliedBy(2).dividedBy(3);
        long jitter = (long) (lifetime.toMillis() * 0.05 * spread);
        return notBefore.plus(at).minusMillis(jitter);
    }

    /** A number in [0, 1) derived from the id (SplitMix64), the same on every node. */
    static double spread(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) / (double) (1L << 53);
    }
}
