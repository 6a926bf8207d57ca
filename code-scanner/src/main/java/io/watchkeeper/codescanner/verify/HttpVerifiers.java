package io.watchkeeper.codescanner.verify;

import io.watchkeeper.codescanner.finding.Verification;
import io.watchkeeper.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP verifiers that ship: GitHub ({@code GET /user} with the token: 200 live, 401 revoked)
 * and Slack ({@code POST auth.test}: {@code ok} live, {@code invalid_auth}/{@code token_revoked}/
 * {@code account_inactive} revoked). Base URLs are parameters so tests use a loopback server.
 */
public final class HttpVerifiers {

    public static final URI GITHUB_API = URI.create("https://api.github.com");
    public static final URI SLACK_API = URI.create("https://slack.com/api");

    private HttpVerifiers() {}

    /** The shipped verifiers against the providers' public endpoints. */
    public static List<SecretVerifier> defaults() {
        HttpClient http = client();
        return List.of(github(http, GITHUB_API), slack(http, SLACK_API));
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static SecretVerifier github(HttpClient http, URI api) {
        Objects.requireNonNull(api, "api");
        return new SecretVerifier() {
            @Override
            public String name() {
                return "github";
            }

            @Override
            public Verification verify(String token) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(api.toString().replaceAll("/+$", "") + "/user"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                        .header("Accept", "application/vnd.github+json").header("User-Agent", "watchkeeper-code-scan").GET().build();
                int status = send(http, request, HttpResponse.BodyHandlers.discarding()).statusCode();
                return status == 200 ? Verification.LIVE : status == 401 ? Verification.REVOKED : Verification.UNKNOWN;
            }
        };
    }

    public static SecretVerifier slack(HttpClient http, URI api) {
        Objects.requireNonNull(api, "api");
        return new SecretVerifier() {
            @Override
            public String name() {
                return "slack";
            }

            @Override
            public Verification verify(String token) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(api.toString().replaceAll("/+$", "") + "/auth.test"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                        .header("User-Agent", "watchkeeper-code-scan").POST(HttpRequest.BodyPublishers.noBody()).build();
                HttpResponse<String> response = send(http, request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || response.body() == null) {
                    return Verification.UNKNOWN;
                }
                try {
                    var body = Json.parse(response.body());
                    if (body.path("ok").asBoolean(false)) {
                        return Verification.LIVE;
                    }
                    String error = body.path("error").asString("");
                    return List.of("invalid_auth", "token_revoked", "account_inactive", "token_expired").contains(error)
                            ? Verification.REVOKED : Verification.UNKNOWN;
                } catch (RuntimeException e) {
                    return Verification.UNKNOWN;
                }
            }
        };
    }

    private static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            return new Failed<>(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed<>(request);
        }
    }

    /** A request that got no answer: status 0, which every verifier reads as unknown. */
    private record Failed<T>(HttpRequest request) implements HttpResponse<T> {
        @Override public int statusCode() { return 0; }
        @Override public java.util.Optional<HttpResponse<T>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true); }
        @Override public T body() { return null; }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        @Override public URI uri() { return request.uri(); }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
