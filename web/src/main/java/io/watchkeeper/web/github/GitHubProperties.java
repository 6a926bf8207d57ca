package io.watchkeeper.web.github;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GitHub access settings ({@code watchkeeper.github.*}).
 *
 * @param maxAttempts attempts per request (rate-limited, 5xx or unreachable answers are retried)
 * @param maxWait the longest single wait for a rate limit; longer ones fail the scope as throttled
 * @param tokenRefreshMargin App installation tokens are replaced when they expire within this margin
 * @param callTimeout time limit of one request
 * @param cacheLifetime cached answers (ETags) older than this are fetched again in full
 * @param maxPages pages followed for one listing (100 items each)
 * @param recheck how long answers GitHub gives without a validator (Dependabot alerts) are reused
 */
@ConfigurationProperties("watchkeeper.github")
public record GitHubProperties(
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("60s") Duration maxWait,
        @DefaultValue("5m") Duration tokenRefreshMargin,
        @DefaultValue("30s") Duration callTimeout,
        @DefaultValue("30d") Duration cacheLifetime,
        @DefaultValue("1000") int maxPages,
        @DefaultValue("6h") Duration recheck) {}
