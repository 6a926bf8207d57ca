package io.watchkeeper.gcp;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import io.watchkeeper.core.watch.ScopeCalls;
import io.watchkeeper.core.watch.WatchMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one HTTP layer under every GCP client (Cloud Client Libraries over HTTP/JSON, the
 * {@code google-api-services-*} clients, Cloud Storage and the auth library): it sends requests for
 * {@code https://<service>.googleapis.com/<path>} to the configured endpoint (same path), holds one
 * of the project's call permits per attempt, counts attempts for the scope and the metrics, and
 * retries 429 (RESOURCE_EXHAUSTED), 5xx and connection failures with exponential backoff and full
 * jitter, a bounded number of times. The clients' own retries are switched off, so this is the only
 * retry layer. Built on the JDK HTTP client (which honours the JVM's proxy settings).
 *
 * <p>An attempt reads the whole answer (at most {@link #MAX_RESPONSE_BYTES}) while it holds its permit, so an answer
 * that breaks off after its headers (connection closed, or the JDK client's response timer firing as the headers
 * arrive, seen as {@code IOException: closed} when the body is read) is retried like a failed connection instead of
 * failing the scope from inside a client's JSON parser. Every attempt, body included, is bounded by {@code callTimeout}
 * (kept by the transport, not the JDK client's request timer); the read timeout google-http-client passes (20 s by
 * default, meant as a pause between reads on its own transports) is not used.
 */
public final class GcpTransport extends HttpTransport {

    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade",
            "content-encoding", "content-type", "accept-encoding");

    /** The largest answer read; a larger one fails the call (an API page is far smaller). */
    public static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

    private final HttpClient http;
    private final GcpSettings settings;
    private final Semaphore permits;
    private final WatchMetrics metrics;

    public GcpTransport(HttpClient http, GcpSettings settings, WatchMetrics metrics) {
        this.http = http;
        this.settings = settings;
        this.permits = new Semaphore(settings.maxCallsInFlightPerProject(), true);
        this.metrics = metrics;
    }

    @Override
    public boolean supportsMethod(String method) {
        return true;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        return new Request(method, url);
    }

    /** The service of a Google API URL: the host's first label ({@code compute.googleapis.com} → compute). */
    static String service(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.endsWith("googleapis.com")) {
            return "other";
        }
        String first = host.substring(0, host.indexOf('.') < 0 ? host.length() : host.indexOf('.'));
        if (first.equals("www")) {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String[] parts = path.split("/");
            return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "www";
        }
        return first;
    }

    /** {@code url} sent to the configured endpoint of its service, path and query kept. */
    URI route(String url) {
        URI original = URI.create(url);
        if (original.getHost() == null || !original.getHost().toLowerCase(Locale.ROOT).endsWith("googleapis.com")) {
            return original;
        }
        Optional<URI> endpoint = settings.endpointFor(service(original));
        if (endpoint.isEmpty()) {
            return original;
        }
        String base = endpoint.get().toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String rest = original.getRawPath() == null ? "" : original.getRawPath();
        if (original.getRawQuery() != null) {
            rest += "?" + original.getRawQuery();
        }
        return URI.create(base + rest);
    }

    private final class Request extends LowLevelHttpRequest {
        private final String method;
        private final String url;
        private final List<String[]> headers = new ArrayList<>();

        Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        @Override
        public void addHeader(String name, String value) {
            headers.add(new String[] {name, value});
        }

        /** Ignored: every attempt is bounded by {@code callTimeout} (see the class comment). */
        @Override
        public void setTimeout(int connectTimeout, int readTimeout) {
            // the connect timeout is the shared client's; the read timeout is not a whole-exchange bound
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            URI target = route(url);
            String service = service(URI.create(url));
            byte[] body = body();
            HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if ("http".equalsIgnoreCase(target.getScheme())) {
                builder.version(HttpClient.Version.HTTP_1_1);
            }
            for (String[] header : headers) {
                if (!RESTRICTED.contains(header[0].toLowerCase(Locale.ROOT))) {
                    builder.header(header[0], header[1]);
                }
            }
            if (getContentType() != null) {
                builder.header("Content-Type", getContentType());
            }
            if (getContentEncoding() != null) {
                builder.header("Content-Encoding", getContentEncoding());
            }
            HttpRequest request = builder.build();
            for (int attempt = 1; ; attempt++) {
                ScopeCalls calls = ScopeCalls.current();
                if (calls != null) {
                    calls.call();
                }
                metrics.apiCall(service);
                HttpResponse<byte[]> response;
                try {
                    permits.acquire();
                    try {
                        response = send(request, service);
                    } finally {
                        permits.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted calling " + service);
                } catch (BoundedBody.TooLarge e) {
                    throw e;
                } catch (IOException e) {
                    if (attempt >= settings.maxAttempts()) {
                        throw e;
                    }
                    pause(attempt, null);
                    continue;
                }
                int status = response.statusCode();
                boolean throttled = status == 429;
                if (throttled) {
                    metrics.throttled(service);
                    if (calls != null) {
                        calls.throttled();
                    }
                }
                if ((throttled || status >= 500) && attempt < settings.maxAttempts()) {
                    pause(attempt, response.headers().firstValue("Retry-After").orElse(null));
                    continue;
                }
                return new Response(response);
            }
        }

        /**
         * One attempt: the whole answer (headers and body, at most {@link #MAX_RESPONSE_BYTES}) within
         * {@code callTimeout}, or an {@link IOException}. The timeout is kept here rather than set on the request: the
         * JDK client keeps request timeouts in one set under the client's lock, taken twice per request by every caller,
         * which under many calls in flight cost more CPU than the rest of the exchange.
         */
        private HttpResponse<byte[]> send(HttpRequest request, String service) throws IOException, InterruptedException {
            CompletableFuture<HttpResponse<byte[]>> answer =
                    http.sendAsync(request, info -> new BoundedBody(MAX_RESPONSE_BYTES, service,
                            info.headers().firstValueAsLong("Content-Length").orElse(-1)));
            try {
                return answer.get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                throw new HttpTimeoutException("request timed out after " + settings.callTimeout().toMillis() + " ms");
            } catch (InterruptedException e) {
                answer.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException(cause);
            }
        }

        private byte[] body() throws IOException {
            if (getStreamingContent() == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            getStreamingContent().writeTo(out);
            return out.toByteArray();
        }
    }

    /** Exponential backoff with full jitter; a Retry-After in seconds is honoured up to the maximum. */
    private void pause(int attempt, String retryAfter) throws InterruptedIOException {
        long cap = Math.min(settings.maxBackoff().toMillis(), settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        long delay = ThreadLocalRandom.current().nextLong(Math.max(1, cap) + 1);
        if (retryAfter != null && retryAfter.matches("\\d{1,5}")) {
            delay = Math.min(settings.maxBackoff().toMillis(), Math.max(delay, Long.parseLong(retryAfter) * 1000));
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while backing off");
        }
    }

    private static final class Response extends LowLevelHttpResponse {
        private final HttpResponse<byte[]> response;
        private final byte[] content;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();

        Response(HttpResponse<byte[]> response) {
            this.response = response;
            this.content = response.body();
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    values.forEach(v -> headers.add(Map.entry(name, v)));
                }
            });
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public String getContentEncoding() {
            return response.headers().firstValue("Content-Encoding").orElse(null);
        }

        @Override
        public long getContentLength() {
            return content.length;
        }

        @Override
        public String getContentType() {
            return response.headers().firstValue("Content-Type").orElse(null);
        }

        @Override
        public String getStatusLine() {
            return "HTTP/1.1 " + response.statusCode();
        }

        @Override
        public int getStatusCode() {
            return response.statusCode();
        }

        @Override
        public String getReasonPhrase() {
            return null;
        }

        @Override
        public int getHeaderCount() {
            return headers.size();
        }

        @Override
        public String getHeaderName(int index) {
            return headers.get(index).getKey();
        }

        @Override
        public String getHeaderValue(int index) {
            return headers.get(index).getValue();
        }

        @Override
        public void disconnect() {
            // the answer was read whole and its stream closed
        }
    }
}
