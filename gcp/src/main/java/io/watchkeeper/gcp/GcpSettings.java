package io.watchkeeper.gcp;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How Watchkeeper talks to GCP.
 *
 * @param endpoint base URL every GCP API is sent to instead of {@code https://<service>.googleapis.com}
 *     (requests keep their API paths, so one server can answer all services), or null for Google itself
 * @param endpoints per-service overrides of {@code endpoint}, by the first label of the API host
 *     ({@code compute}, {@code storage}, {@code cloudresourcemanager}, {@code iam}, {@code oauth2}, …)
 * @param maxCallsInFlightPerProject concurrent API calls per project (the per-project cap)
 * @param maxAttempts attempts per call on 429 / RESOURCE_EXHAUSTED, 5xx and connection failures
 * @param initialBackoff first delay between attempts (doubled each time, with full jitter)
 * @param maxBackoff longest delay between attempts
 * @param callTimeout limit for one HTTP attempt
 */
public record GcpSettings(URI endpoint, Map<String, URI> endpoints, int maxCallsInFlightPerProject, int maxAttempts,
                          Duration initialBackoff, Duration maxBackoff, Duration callTimeout) {

    public GcpSettings {
        endpoint = endpoint == null ? null : checked("endpoint", endpoint);
        Map<String, URI> copy = new TreeMap<>();
        if (endpoints != null) {
            endpoints.forEach((service, uri) -> copy.put(service.toLowerCase(Locale.ROOT), checked(service, uri)));
        }
        endpoints = Map.copyOf(copy);
        if (maxCallsInFlightPerProject < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("GCP concurrency and attempts must be at least 1");
        }
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        callTimeout = callTimeout == null ? Duration.ofMinutes(2) : callTimeout;
    }

    public static GcpSettings defaults() {
        return new GcpSettings(null, Map.of(), 10, 6, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** The same settings with every API sent to {@code base}. */
    public GcpSettings withEndpoint(URI base) {
        return new GcpSettings(base, endpoints, maxCallsInFlightPerProject, maxAttempts, initialBackoff, maxBackoff,
                callTimeout);
    }

    /** Whether any endpoint is configured (needed for {@code --credentials none}). */
    public boolean hasEndpoint() {
        return endpoint != null || !endpoints.isEmpty();
    }

    /** Where requests for {@code service} go: its override, the common endpoint, or nowhere (Google). */
    public Optional<URI> endpointFor(String service) {
        URI specific = endpoints.get(service);
        return Optional.ofNullable(specific != null ? specific : endpoint);
    }

    private static URI checked(String what, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("invalid GCP " + what + " '" + uri
                    + "': expected a base URL such as http://127.0.0.1:8085 (no user, query or fragment)");
        }
        return uri;
    }
}
