package io.watchkeeper.web.cert;

import io.watchkeeper.core.cert.IssuanceQuota;
import io.watchkeeper.web.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Issuances per person per hour ({@code watchkeeper.certs.issuance-per-user-per-hour}), counted in
 * PostgreSQL so that every node shares one count. An issuance that fails, or that a retry finds
 * already done, gives its unit back. The command line (which holds the database and the keys anyway)
 * and the renewal scheduler are not limited.
 */
@Component
public class IssuanceLimit {

    private final IssuanceQuota quota;
    private final int perHour;
    private final Clock clock;

    public IssuanceLimit(IssuanceQuota quota, CertificateProperties properties) {
        this.quota = quota;
        this.perHour = properties.issuancePerUserPerHour();
        this.clock = Clock.systemUTC();
    }

    /** Runs {@code issue} if the caller has a unit left this hour; 429 otherwise. */
    public <T> T take(Caller caller, Supplier<T> issue, java.util.function.Predicate<T> alreadyDone) {
        if (caller.isCli()) {
            return issue.get();
        }
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        if (!quota.tryTake(caller.username(), hour, perHour)) {
            throw new LimitReachedException(perHour);
        }
        T result;
        try {
            result = issue.get();
        } catch (RuntimeException e) {
            quota.giveBack(caller.username(), hour);
            throw e;
        }
        if (alreadyDone.test(result)) {
            quota.giveBack(caller.username(), hour);
        }
        return result;
    }

    /** The caller issued as many certificates this hour as allowed. Answered as 429. */
    public static final class LimitReachedException extends RuntimeException {
        public LimitReachedException(int perHour) {
            super("you issued " + perHour + " certificates this hour, the most allowed "
                    + "(watchkeeper.certs.issuance-per-user-per-hour); try again next hour");
        }
    }
}
