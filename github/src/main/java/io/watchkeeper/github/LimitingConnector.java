package io.watchkeeper.github;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.watch.ScopeCalls;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The connector every request of a session goes through, just above HTTP: it sends requests only to
 * the account's endpoint (tokens never go elsewhere, whatever a {@code Link} or URL in a body says),
 * counts what each answer costs ({@link CallUsage}, the scope's {@link ScopeCalls}), and backs off
 * on rate limits — {@code Retry-After}, secondary limits (403/429 "secondary rate limit", one minute
 * when GitHub names no time) and an exhausted primary limit (until {@code X-RateLimit-Reset}) — as
 * long as one wait stays within {@link GitHubSettings#maxWait()}; longer waits fail at once as
 * throttled. Server errors and unreachable endpoints are retried with exponential back-off.
 */
final class LimitingConnector implements GitHubConnector {

    /** GitHub's advice when a secondary limit names no time. */
    static final Duration SECONDARY_DEFAULT_WAIT = Duration.ofMinutes(1);

    private final GitHubConnector http;
    private final URI origin;
    private final CallUsage usage;
    private final GitHubSettings settings;
    private final Clock clock;

    LimitingConnector(GitHubConnector http, URI endpoint, CallUsage usage, GitHubSettings settings, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.origin = Objects.requireNonNull(endpoint, "endpoint");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest original) throws IOException {
        ApiRequest request = ApiRequest.of(original);
        requireSameOrigin(request);
        for (int attempt = 1; ; attempt++) {
            ApiResponse response;
            try {
                response = ApiResponse.read(http.send(request));
            } catch (IOException e) {
                if (attempt >= settings.maxAttempts()) {
                    throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "GitHub at " + origin.getHost()
                            + " could not be reached (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
                }
                sleep(backoff(attempt));
                continue;
            }
            CallUsage.RateLimit rateLimit = CallUsage.RateLimit.of(response::header);
            usage.answered(response.statusCode(), rateLimit);
            ScopeCalls calls = ScopeCalls.current();
            if (calls != null) {
                calls.call();
            }
            Duration wait = throttleWait(response, rateLimit);
            if (wait != null) {
                usage.throttled();
                if (calls != null) {
                    calls.throttled();
                }
                if (attempt >= settings.maxAttempts() || wait.compareTo(settings.maxWait()) > 0) {
                    throw new WatchkeeperException(ErrorCategory.THROTTLED, "GitHub rate limit on "
                            + request.method() + " " + request.url().getPath() + ": retry in " + wait.toSeconds()
                            + " s" + (attempt >= settings.maxAttempts() ? " (after " + attempt + " attempts)"
                            : ", longer than the " + settings.maxWait().toSeconds() + " s we wait"));
                }
                sleep(wait);
                continue;
            }
            if (response.statusCode() >= 500 && attempt < settings.maxAttempts()) {
                sleep(backoff(attempt));
                continue;
            }
            return response.withRequest(original);
        }
    }

    /** How long to wait before retrying a rate-limited answer, or null when it is not one. */
    Duration throttleWait(ApiResponse response, CallUsage.RateLimit rateLimit) {
        int status = response.statusCode();
        if (status != 403 && status != 429) {
            return null;
        }
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
            } catch (NumberFormatException e) {
                return SECONDARY_DEFAULT_WAIT;
            }
        }
        if (rateLimit != null && rateLimit.remaining() == 0 && rateLimit.reset() != null) {
            Duration untilReset = Duration.between(clock.instant(), rateLimit.reset());
            return untilReset.isNegative() ? Duration.ZERO : untilReset.plusSeconds(1);
        }
        String text = new String(response.body(), 0, Math.min(response.body().length, 4096), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        if (status == 429 || text.contains("secondary rate limit") || text.contains("abuse detection")) {
            return SECONDARY_DEFAULT_WAIT;
        }
        return null;
    }

    private void requireSameOrigin(ApiRequest request) {
        URI target;
        try {
            target = request.url().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "malformed URL " + request.url());
        }
        if (!sameOrigin(origin, target)) {
            throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "refused to send a request to "
                    + target.getScheme() + "://" + target.getHost() + ":" + target.getPort()
                    + ", which is not the account's endpoint " + origin);
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(250L << Math.min(attempt - 1, 5));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WatchkeeperException(ErrorCategory.THROTTLED, "interrupted while waiting for a GitHub rate limit", e);
        }
    }

}
