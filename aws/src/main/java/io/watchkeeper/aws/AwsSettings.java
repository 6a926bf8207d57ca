package io.watchkeeper.aws;

import java.time.Duration;
import java.util.List;

/**
 * How Watchkeeper talks to AWS.
 *
 * @param defaultRegions regions to watch when an account lists none; empty means "discover the
 *     account's enabled regions"
 * @param homeRegion region for global services, STS and region discovery
 * @param maxCallsInFlightPerAccount concurrent API calls per account (the per-account cap)
 * @param maxConnections HTTP connections shared by all clients
 * @param callTimeout limit for one API call, retries included
 * @param maxAttempts attempts per call under the adaptive retry strategy
 */
public record AwsSettings(List<String> defaultRegions, String homeRegion, int maxCallsInFlightPerAccount,
                          int maxConnections, Duration callTimeout, int maxAttempts) {

    public AwsSettings {
        defaultRegions = List.copyOf(defaultRegions == null ? List.of() : defaultRegions);
        homeRegion = homeRegion == null || homeRegion.isBlank() ? "us-east-1" : homeRegion;
        if (maxCallsInFlightPerAccount < 1 || maxConnections < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("AWS concurrency and attempts must be at least 1");
        }
    }

    public static AwsSettings defaults() {
        return new AwsSettings(List.of(), "us-east-1", 10, 512, Duration.ofMinutes(2), 8);
    }
}
