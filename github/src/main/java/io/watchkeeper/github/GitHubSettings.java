package io.watchkeeper.github;

import java.time.Duration;
import java.util.Objects;

/**
 * How Watchkeeper talks to GitHub.
 *
 * @param maxAttempts attempts per request (rate-limited, 5xx or unreachable answers are retried)
 * @param maxWait the longest single wait for a rate limit ({@code Retry-After}, a secondary limit, or
 *     the primary limit's reset); a longer one fails the request as throttled at once
 * @param tokenRefreshMargin an App installation token is replaced when it expires within this margin
 * @param callTimeout time limit of one request
 * @param cacheLifetime cached answers older than this are fetched again in full
 * @param maxPages pages followed through {@code Link} for one listing (100 items each)
 * @param recheck how long an answer GitHub gives without a validator (204/404 checks such as
 *     Dependabot alerts, for which no conditional request exists) is remembered before it is asked again
 */
public record GitHubSettings(int maxAttempts, Duration maxWait, Duration tokenRefreshMargin, Duration callTimeout,
                             Duration cacheLifetime, int maxPages, Duration recheck) {

    public GitHubSettings {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(tokenRefreshMargin, "tokenRefreshMargin");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(cacheLifetime, "cacheLifetime");
        Objects.requireNonNull(recheck, "recheck");
        if (maxAttempts < 1 || maxPages < 1) {
            throw new IllegalArgumentException("maxAttempts and maxPages must be positive");
        }
    }

    public static GitHubSettings defaults() {
        return new GitHubSettings(4, Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofDays(30), 1000, Duration.ofHours(6));
    }
}
