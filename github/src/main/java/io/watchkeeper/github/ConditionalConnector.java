package io.watchkeeper.github;

import io.watchkeeper.core.github.EtagCache;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Conditional requests: every GET carries the {@code If-None-Match} of the answer cached for its URL
 * (path and query) in the account's {@link EtagCache}; a 304 is answered to the caller as that
 * cached 200 (body and {@code Link}), and a new 200 with an {@code ETag} replaces the entry. An
 * unchanged organisation is then read almost entirely from 304s, which GitHub does not count
 * against the primary rate limit.
 */
final class ConditionalConnector implements GitHubConnector {

    /** Set on answers served from the cache, so callers and tests can tell. */
    static final String CACHE_HEADER = "X-Watchkeeper-Cache";

    private final GitHubConnector next;
    private final EtagCache cache;
    private final long accountId;
    private final Clock clock;

    ConditionalConnector(GitHubConnector next, EtagCache cache, long accountId, Clock clock) {
        this.next = Objects.requireNonNull(next, "next");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.accountId = accountId;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest original) throws IOException {
        ApiRequest request = ApiRequest.of(original);
        if (!"GET".equals(request.method()) || request.header("If-None-Match") != null) {
            return ApiResponse.read(next.send(request)).withRequest(original);
        }
        String key = request.pathAndQuery();
        Optional<EtagCache.Entry> cached = cache.find(accountId, key);
        ApiRequest sent = cached.map(e -> request.withHeader("If-None-Match", e.etag())).orElse(request);
        ApiResponse response = ApiResponse.read(next.send(sent));
        if (response.statusCode() == 304 && cached.isPresent()) {
            return fromCache(original, response, cached.get());
        }
        String etag = response.header("ETag");
        if (response.statusCode() == 200 && etag != null && !etag.isBlank() && etag.length() <= 512) {
            cache.put(accountId, key, new EtagCache.Entry(etag, response.header("Link"), response.body(), clock.instant()));
        }
        return response.withRequest(original);
    }

    private static ApiResponse fromCache(GitHubConnectorRequest request, ApiResponse notModified, EtagCache.Entry entry) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(notModified.allHeaders());
        headers.put("ETag", List.of(entry.etag()));
        headers.put("Content-Type", List.of("application/json; charset=utf-8"));
        headers.put(CACHE_HEADER, List.of("hit"));
        headers.remove("Link");
        if (entry.link() != null) {
            headers.put("Link", List.of(entry.link()));
        }
        return new ApiResponse(request, 200, headers, entry.body());
    }
}
