package io.watchkeeper.github;

import io.watchkeeper.core.github.EtagCache;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.kohsuke.github.connector.GitHubConnector;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's REST API read as JSON through the session's connector (conditional requests, rate-limit
 * accounting and back-off underneath). Watchers read the REST answers themselves rather than hub4j's
 * model objects: rulesets, Actions permissions, runner groups, environments and security settings
 * are not in that model, and reading every field ourselves keeps the stored configuration exact.
 * Listings follow {@code Link: rel="next"} pages (100 items each), only on the account's endpoint.
 */
public final class GitHubApi {

    /** Media type and API version sent with every request. */
    static final String ACCEPT = "application/vnd.github+json";
    static final String API_VERSION = "2022-11-28";

    private final GitHubConnector connector;
    private final URI endpoint;
    private final Supplier<String> authorization;
    private final GitHubSettings settings;
    private final EtagCache cache;
    private final long accountId;
    private final Clock clock;
    private final Map<String, CompletableFuture<List<JsonNode>>> shared = new ConcurrentHashMap<>();

    GitHubApi(GitHubConnector connector, URI endpoint, Supplier<String> authorization, GitHubSettings settings,
              EtagCache cache, long accountId, Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.accountId = accountId;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One answer, whatever its status (4xx included: callers decide what a 404 means there).
     *
     * @param status HTTP status
     * @param body the JSON body, or a missing node when there is none or it is not JSON
     * @param link the {@code Link} header, or null
     * @param etag the {@code ETag} header, or null
     */
    public record Answer(String path, int status, JsonNode body, String link, String etag) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** GitHub's {@code message}, or "". */
        public String message() {
            JsonNode message = body.get("message");
            return message != null && message.isString() ? message.asString() : "";
        }

        /** A 403/404 saying the organisation's plan or the repository's kind does not offer the feature. */
        public boolean notOffered() {
            return (status == 403 || status == 404) && GitHubErrors.notOffered(message());
        }

        /** The answer as an error with its category. */
        public WatchkeeperException failure(String doing) {
            return GitHubErrors.failure(doing + " (GET " + path + ")", status, message());
        }
    }

    /** GET {@code path} (relative to the endpoint, e.g. {@code /orgs/acme}); never throws for 4xx. */
    public Answer answer(String path) {
        return send(resolve(path), path);
    }

    /**
     * GET {@code path}, remembering an answer that GitHub gives without a validator (204, or a 4xx such
     * as "Branch not protected"), which no conditional request can make free: it is reused without a
     * request while {@code validator} (something that changes when the answer may change, e.g. the
     * branch's ETag) stays the same and it is younger than {@code maxAge}. 200 answers are never
     * reused this way (they are conditional requests already).
     */
    public Answer answerRemembered(String path, String validator, Duration maxAge) {
        return answerRemembered(path, validator, maxAge, a -> false);
    }

    /**
     * {@link #answerRemembered(String, String, Duration)}, also remembering the answers {@code alsoRemember}
     * accepts (e.g. a 200 whose content is implied by {@code validator}: the empty rule list of a branch that
     * its ETag says is unprotected), so that they too cost no request while {@code validator} is unchanged.
     */
    public Answer answerRemembered(String path, String validator, Duration maxAge,
                                   java.util.function.Predicate<Answer> alsoRemember) {
        String key = "remembered:" + path;
        String tag = "remembered:" + digest(String.valueOf(validator)) + ":";
        EtagCache.Entry entry = cache.find(accountId, key).orElse(null);
        if (entry != null && entry.etag().startsWith(tag) && entry.storedAt().isAfter(clock.instant().minus(maxAge))) {
            try {
                int status = Integer.parseInt(entry.etag().substring(tag.length()));
                return new Answer(path, status, parse(entry.body(), path, 0), null, null);
            } catch (NumberFormatException e) {
                // not one of ours: ask
            }
        }
        Answer answer = answer(path);
        boolean remember = answer.status() == 204 || answer.status() == 404 || answer.status() == 403
                || answer.status() == 422 || alsoRemember.test(answer);
        if (remember || entry != null) {
            cache.put(accountId, key, new EtagCache.Entry(remember ? tag + answer.status() : "remembered:none", null,
                    answer.body().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), clock.instant()));
        }
        return answer;
    }

    /** GET {@code path}, which must answer 2xx; an error with its category otherwise. */
    public JsonNode get(String path) {
        Answer answer = answer(path);
        if (!answer.ok()) {
            throw answer.failure("reading " + path);
        }
        return answer.body();
    }

    /** Every item of a listing (a JSON array per page), following {@code Link} pages. */
    public List<JsonNode> list(String path) {
        return list(path, null);
    }

    /**
     * Every item of a listing whose pages are objects holding the array in {@code field} (e.g.
     * {@code {"total_count": 2, "installations": [...]}}), following {@code Link} pages.
     */
    public List<JsonNode> list(String path, String field) {
        return listUnless(path, field, answer -> false);
    }

    /**
     * Like {@link #list(String, String)}, but null when the first page's answer is one that
     * {@code unavailable} accepts (e.g. not visible to these credentials, not offered by the plan).
     */
    public List<JsonNode> listUnless(String path, String field, java.util.function.Predicate<Answer> unavailable) {
        List<JsonNode> items = new ArrayList<>();
        URL next = resolve(withPageSize(path));
        for (int page = 1; next != null; page++) {
            if (page > settings.maxPages()) {
                throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "more than " + settings.maxPages()
                        + " pages listing " + path);
            }
            Answer answer = send(next, path);
            if (page == 1 && unavailable.test(answer)) {
                return null;
            }
            if (!answer.ok()) {
                throw answer.failure("listing " + path);
            }
            JsonNode array = field == null ? answer.body() : answer.body().path(field);
            if (!array.isArray()) {
                throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "listing " + path
                        + ": expected a JSON array" + (field == null ? "" : " in '" + field + "'"));
            }
            array.forEach(items::add);
            next = LinkHeader.next(answer.link(), endpoint);
        }
        return items;
    }

    /**
     * {@link #list(String)} read once per session and shared by every watcher that needs it (the
     * organisation's repositories, teams, members).
     */
    public List<JsonNode> shared(String path) {
        CompletableFuture<List<JsonNode>> mine = new CompletableFuture<>();
        CompletableFuture<List<JsonNode>> existing = shared.putIfAbsent(path, mine);
        if (existing == null) {
            try {
                mine.complete(List.copyOf(list(path)));
            } catch (RuntimeException e) {
                shared.remove(path, mine);
                mine.completeExceptionally(e);
            }
            existing = mine;
        }
        try {
            return existing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Answer send(URL url, String path) {
        return send("GET", url, path, null);
    }

    /**
     * A write (remediations): {@code method} (PUT, PATCH, POST or DELETE) on {@code path} with a JSON body
     * (null for none), through the same connector chain as every read (endpoint pinning, limits, retries).
     * Never throws for 4xx: callers decide.
     */
    public Answer write(String method, String path, JsonNode body) {
        if (!java.util.Set.of("PUT", "PATCH", "POST", "DELETE").contains(method)) {
            throw new IllegalArgumentException("not a write method: " + method);
        }
        return send(method, resolve(path), path, body == null ? null : Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Answer send(String method, URL url, String path, byte[] body) {
        ApiRequest request = new ApiRequest(method, url, ApiRequest.headers("Accept", ACCEPT,
                "X-GitHub-Api-Version", API_VERSION, "Authorization", authorization.get(), "Accept-Encoding", "gzip"),
                body, body == null ? null : "application/json");
        try {
            ApiResponse response = ApiResponse.read(connector.send(request));
            return new Answer(path, response.statusCode(), parse(response.body(), path, response.statusCode()),
                    response.header("Link"), response.header("ETag"));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private static JsonNode parse(byte[] body, String path, int status) {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (RuntimeException e) {
            if (status >= 200 && status < 300) {
                throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "GET " + path + ": the answer is not JSON");
            }
            return Json.object();
        }
    }

    private URL resolve(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("#")
                || java.util.Arrays.stream(bare.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw new IllegalArgumentException("not an API path: " + path);
        }
        String base = endpoint.toString().replaceAll("/+$", "");
        try {
            return URI.create(base + path).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "malformed API path " + path);
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withPageSize(String path) {
        return path.contains("per_page=") ? path : path + (path.contains("?") ? "&" : "?") + "per_page=100";
    }

    /** Encodes one path segment (a login, repository or branch name) for use in an API path. */
    public static String segment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
