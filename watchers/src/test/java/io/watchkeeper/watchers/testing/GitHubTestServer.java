package io.watchkeeper.watchers.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GitHubTestRoutes.Body;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback GitHub (JDK HttpServer on 127.0.0.1, a free port) serving the synthetic organisation
 * {@link GitHubTestOrg} the way GitHub's REST API does: {@code Link} paging (at most
 * {@link #maxPerPage} items a page, 5 by default so that listings page), weak ETags with 304 on
 * {@code If-None-Match}, rate-limit headers that count points (every answer but a 304; App JWT calls
 * in their own bucket), an exhausted primary limit, 403/404 per endpoint, "not offered by the plan"
 * answers, secondary limits with {@code Retry-After}, the App flow (RS256 JWT → installation tokens
 * with an expiry; expired tokens get 401), personal access tokens, and a record of every request
 * (method, path, query, Authorization, body) for tests to assert on. Write endpoints (and extra GET
 * endpoints) are added by tests with {@link #route}; {@link GitHubTestPullRequests} adds check runs,
 * reviews and comments. Nothing here reaches beyond loopback.
 */
public final class GitHubTestServer implements AutoCloseable {

    public static final long APP_ID = 4242;
    public static final long INSTALLATION_ID = 77;
    public static final long RATE_LIMIT = 5000;

    /** One request as received. */
    public record Recorded(String method, String path, String query, String authorization, String body) {}

    /** A write endpoint answered by a test: the matched path and the request body (JSON or empty). */
    public interface WriteHandler {
        JsonNode answer(Matcher path, JsonNode body);
    }

    private record Fault(Pattern path, int status, String message, int retryAfter, AtomicInteger remaining) {}

    private record Write(String method, Pattern path, int status, WriteHandler handler) {}

    private final HttpServer http;
    private final String endpoint;
    private final GitHubTestOrg org;
    private final GitHubTestAuth auth = new GitHubTestAuth(APP_ID);
    private final GitHubTestRoutes routes;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final AtomicLong points = new AtomicLong();
    private final AtomicLong appPoints = new AtomicLong();
    private final long resetEpoch = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
    private volatile int maxPerPage = 5;
    private volatile Duration latency = Duration.ZERO;
    private volatile Instant exhaustedUntil;

    private GitHubTestServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        endpoint = "http://127.0.0.1:" + http.getAddress().getPort();
        org = new GitHubTestOrg(endpoint);
        routes = new GitHubTestRoutes(org);
        GitHubTestWrites.install(this, org);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", this::serve);
        http.start();
    }

    public static GitHubTestServer start() {
        try {
            return new GitHubTestServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The REST API base URL ({@code --endpoint}). */
    public String endpoint() {
        return endpoint;
    }

    /** The organisation served; change it under {@code synchronized (server.org())}. */
    public GitHubTestOrg org() {
        return org;
    }

    /** A new personal access token that the server accepts. */
    public String personalToken() {
        return auth.newPersonalToken();
    }

    /** The App's private key, PKCS#1 PEM as GitHub hands it out. */
    public byte[] appKeyPem() {
        return auth.appKeyPem();
    }

    /** How long installation tokens issued from now on stay valid. */
    public void tokenLifetime(Duration lifetime) {
        auth.tokenLifetime = lifetime;
    }

    /** Rate-limit points spent with installation tokens and personal tokens (304s cost nothing). */
    public long points() {
        return points.get();
    }

    /** Points spent with App JWTs (GitHub counts them against the App, not the installation). */
    public long appPoints() {
        return appPoints.get();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    public void maxPerPage(int max) {
        maxPerPage = max;
    }

    /** Delay every answer (benchmarks: a slow GitHub). */
    public void latency(Duration delay) {
        latency = delay;
    }

    /**
     * Requests in which {@code pathRegex} is found (searched in {@code path?query}; anchor it with ^ and $
     * to match exactly) are answered {@code status} with GitHub's {@code message}.
     */
    public void fail(String pathRegex, int status, String message) {
        faults.add(new Fault(Pattern.compile(pathRegex), status, message, -1, new AtomicInteger(Integer.MAX_VALUE)));
    }

    /** Requests in which {@code pathRegex} is found answer as GitHub does for a feature the plan lacks (403). */
    public void notOffered(String pathRegex) {
        fail(pathRegex, 403, "Upgrade to GitHub Pro or make this repository public to enable this feature.");
    }

    /** The next {@code times} requests in which {@code pathRegex} is found hit a secondary rate limit ({@code Retry-After}). */
    public void secondaryLimit(String pathRegex, int times, int retryAfterSeconds) {
        faults.add(new Fault(Pattern.compile(pathRegex), 403, "You have exceeded a secondary rate limit. Please wait a "
                + "few minutes before you try again.", retryAfterSeconds, new AtomicInteger(times)));
    }

    /** The primary rate limit is used up until {@code until} (403, remaining 0, reset then). */
    public void exhaustRateLimit(Instant until) {
        exhaustedUntil = until;
    }

    public void clearFaults() {
        faults.clear();
        exhaustedUntil = null;
    }

    /** Answers {@code method} requests on paths matching {@code pathRegex} with {@code status} and the handler's JSON. */
    public void route(String method, String pathRegex, int status, WriteHandler handler) {
        writes.add(new Write(method, Pattern.compile(pathRegex), status, handler));
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readNBytes(1 << 20), StandardCharsets.UTF_8);
            requests.add(new Recorded(method, path, query, authorization, body));
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            answer(exchange, method, decode(path), query, authorization, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, message("test server: " + e), null, null);
        }
    }

    private void answer(HttpExchange exchange, String method, String path, String rawQuery, String authorization,
                        String body) throws IOException {
        Map<String, String> query = rawQuery == null ? Map.of() : params(rawQuery);
        String target = rawQuery == null ? path : path + "?" + rawQuery;
        GitHubTestAuth.Kind kind = auth.classify(authorization);
        AtomicLong bucket = kind == GitHubTestAuth.Kind.JWT ? appPoints : points;
        if (kind == GitHubTestAuth.Kind.NONE || kind == GitHubTestAuth.Kind.INVALID || kind == GitHubTestAuth.Kind.EXPIRED) {
            send(exchange, 401, message("Bad credentials"), null, null);
            return;
        }
        for (Fault fault : faults) {
            if (fault.path().matcher(target).find() && fault.remaining().getAndDecrement() > 0) {
                bucket.incrementAndGet();
                send(exchange, fault.status(), message(fault.message()), bucket,
                        fault.retryAfter() >= 0 ? Map.of("Retry-After", "" + fault.retryAfter()) : null);
                return;
            }
        }
        Instant exhausted = exhaustedUntil;
        if (exhausted != null && Instant.now().isBefore(exhausted) && bucket == points) {
            send(exchange, 403, message("API rate limit exceeded for installation ID " + INSTALLATION_ID + "."), null,
                    Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "" + exhausted.getEpochSecond(),
                            "X-RateLimit-Limit", "" + RATE_LIMIT, "X-RateLimit-Used", "" + RATE_LIMIT));
            return;
        }
        if (!method.equals("GET") || writes.stream().anyMatch(w -> w.method().equals("GET") && w.path().matcher(path).matches())) {
            write(exchange, method, path, body, kind, bucket);
            return;
        }
        for (GitHubTestRoutes.Route route : routes.routes) {
            Matcher m = route.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            if ((route.auth() == GitHubTestRoutes.Auth.APP) != (kind == GitHubTestAuth.Kind.JWT)) {
                bucket.incrementAndGet();
                send(exchange, kind == GitHubTestAuth.Kind.JWT ? 401 : 403, message(kind == GitHubTestAuth.Kind.JWT
                        ? "A JSON web token could not be decoded" : "Resource not accessible by integration"), bucket, null);
                return;
            }
            Body result;
            synchronized (org) {
                result = route.handler().apply(m, query);
            }
            respond(exchange, path, query, result, bucket);
            return;
        }
        bucket.incrementAndGet();
        send(exchange, 404, message("Not Found"), bucket, null);
    }

    private void write(HttpExchange exchange, String method, String path, String body, GitHubTestAuth.Kind kind,
                       AtomicLong bucket) throws IOException {
        Matcher tokens = Pattern.compile("/app/installations/(\\d+)/access_tokens").matcher(path);
        if (method.equals("POST") && tokens.matches() && kind == GitHubTestAuth.Kind.JWT) {
            bucket.incrementAndGet();
            if (Long.parseLong(tokens.group(1)) != INSTALLATION_ID) {
                send(exchange, 404, message("Not Found"), bucket, null);
                return;
            }
            GitHubTestAuth.Issued issued = auth.issueInstallationToken();
            ObjectNode answer = Json.object().put("token", issued.token()).put("expires_at", issued.expiresAt().toString())
                    .put("repository_selection", "all");
            synchronized (org) {
                answer.set("permissions", org.installations.get(0).get("permissions").deepCopy());
            }
            send(exchange, 201, answer, bucket, null);
            return;
        }
        for (Write w : writes) {
            Matcher m = w.path().matcher(path);
            if (w.method().equals(method) && m.matches()) {
                JsonNode request = body.isBlank() ? Json.object() : Json.parse(body);
                JsonNode answer;
                synchronized (org) {
                    answer = w.handler().answer(m, request);
                }
                bucket.incrementAndGet();
                send(exchange, w.status(), answer, bucket, null);
                return;
            }
        }
        bucket.incrementAndGet();
        send(exchange, 404, message("Not Found"), bucket, null);
    }

    private void respond(HttpExchange exchange, String path, Map<String, String> query, Body result, AtomicLong bucket)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode json;
        int status = 200;
        switch (result) {
            case Body.Status s -> {
                bucket.incrementAndGet();
                send(exchange, s.status(), s.status() == 204 ? null : message(s.message()), bucket, null);
                return;
            }
            case Body.Doc d -> {
                json = d.json();
                status = d.status();
            }
            case Body.Items items -> json = GitHubTestPages.page(endpoint, maxPerPage, path, query, items, headers);
        }
        String etag = "W/\"" + sha256(json.toString()) + "\"";
        headers.put("ETag", etag);
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag)) {
            send(exchange, 304, null, bucket, headers, false);
            return;
        }
        bucket.incrementAndGet();
        send(exchange, status, json, bucket, headers);
    }

    private void send(HttpExchange exchange, int status, JsonNode json, AtomicLong bucket, Map<String, String> extra)
            throws IOException {
        send(exchange, status, json, bucket, extra, true);
    }

    private void send(HttpExchange exchange, int status, JsonNode json, AtomicLong bucket, Map<String, String> extra,
                      boolean withBody) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        headers.set("X-GitHub-Request-Id", Long.toHexString(System.nanoTime()));
        if (bucket != null) {
            long used = bucket.get();
            headers.set("X-RateLimit-Limit", "" + RATE_LIMIT);
            headers.set("X-RateLimit-Remaining", "" + Math.max(0, RATE_LIMIT - used));
            headers.set("X-RateLimit-Used", "" + used);
            headers.set("X-RateLimit-Reset", "" + resetEpoch);
            headers.set("X-RateLimit-Resource", "core");
        }
        if (extra != null) {
            extra.forEach(headers::set);
        }
        byte[] bytes = withBody && json != null ? json.toString().getBytes(StandardCharsets.UTF_8) : null;
        exchange.sendResponseHeaders(status, bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static JsonNode message(String text) {
        return Json.object().put("message", text).put("documentation_url", "https://docs.github.com/rest");
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }


    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }

}
