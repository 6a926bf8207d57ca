package io.watchkeeper.watchers.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback proxy in front of an AWS endpoint that answers chosen requests with a fault
 * (throttling, a server error, garbage) and forwards the rest unchanged.
 */
public final class FaultProxy implements AutoCloseable {

    /** What the proxy sees of a request when deciding on a fault. */
    public record Seen(String method, String uri, String authorization, String target, String body) {

        /** The region in the SigV4 credential scope. */
        public String region() {
            String marker = "Credential=";
            int at = authorization == null ? -1 : authorization.indexOf(marker);
            if (at < 0) {
                return "";
            }
            String[] parts = authorization.substring(at + marker.length()).split("/");
            return parts.length > 2 ? parts[2] : "";
        }
    }

    /** A canned answer. */
    public record Fault(int status, String contentType, String body) {
        /** Throttling as the query protocol (IAM, STS, SNS) reports it. */
        public static Fault throttling() {
            return new Fault(400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                    + "<Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>");
        }

        /** Throttling as EC2 reports it. */
        public static Fault ec2Throttling() {
            return new Fault(503, "text/xml", "<Response><Errors><Error><Code>RequestLimitExceeded</Code>"
                    + "<Message>Request limit exceeded.</Message></Error></Errors><RequestID>1</RequestID></Response>");
        }

        public static Fault serverError() {
            return new Fault(500, "text/xml", "<Response><Errors><Error><Code>InternalError</Code>"
                    + "<Message>We encountered an internal error</Message></Error></Errors></Response>");
        }

        public static Fault garbage() {
            return new Fault(200, "text/xml", "<<<this is not the XML you were looking for");
        }
    }

    private record Rule(Predicate<Seen> when, Fault fault) {}

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final String target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger faults = new AtomicInteger();

    public FaultProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void fail(Predicate<Seen> when, Fault fault) {
        rules.add(new Rule(when, fault));
    }

    public void clear() {
        rules.clear();
    }

    public int faultsServed() {
        return faults.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Seen seen = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"), new String(body, StandardCharsets.UTF_8));
            for (Rule rule : rules) {
                if (rule.when().test(seen)) {
                    faults.incrementAndGet();
                    byte[] out = rule.fault().body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", rule.fault().contentType());
                    exchange.sendResponseHeaders(rule.fault().status(), out.length);
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                    return;
                }
            }
            forward(exchange, body);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
