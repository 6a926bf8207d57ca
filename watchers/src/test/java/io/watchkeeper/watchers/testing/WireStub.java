package io.watchkeeper.watchers.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that answers AWS SDK requests with canned answers written in the service's
 * real wire protocol, for the few APIs moto lacks or gets wrong (IAM Access Analyzer answers 500,
 * Security Hub has no GetEnabledStandards, the EC2 account settings beyond EBS default encryption).
 * Point one service at it with {@code aws.endpointUrl<Service>}; every request is recorded.
 */
public final class WireStub implements AutoCloseable {

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    /**
     * One request as the stub saw it.
     *
     * @param method HTTP method
     * @param path raw path
     * @param query raw query, or null
     * @param target the {@code X-Amz-Target} header (JSON 1.x protocols), or null
     * @param body request body
     * @param region region of the SigV4 credential scope
     * @param service signing name of the SigV4 credential scope
     */
    public record Request(String method, String path, String query, String target, String body, String region,
                          String service) {

        /** The operation: after the dot of {@code X-Amz-Target}, else the query protocol's {@code Action}. */
        public String action() {
            if (target != null) {
                return target.substring(target.lastIndexOf('.') + 1);
            }
            return form().getOrDefault("Action", query == null ? "" : form(query).getOrDefault("Action", ""));
        }

        /** The form-encoded body's parameters (query protocols). */
        public Map<String, String> form() {
            return form(body);
        }

        private static Map<String, String> form(String encoded) {
            Map<String, String> out = new HashMap<>();
            if (encoded == null || encoded.isBlank()) {
                return out;
            }
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        }
    }

    /** One answer. */
    public record Reply(int status, String contentType, String body) {

        public static Reply xml(String body) {
            return new Reply(200, "text/xml", body);
        }

        /** REST-JSON services (Access Analyzer, Security Hub). */
        public static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }

        /** A REST-JSON error: the code travels in {@code x-amzn-ErrorType}'s place, the body's {@code __type}. */
        public static Reply jsonError(int status, String code, String message) {
            return new Reply(status, "application/json", "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
        }

        /** An EC2 error. */
        public static Reply ec2Error(int status, String code, String message) {
            return new Reply(status, "text/xml", "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error></Errors><RequestID>stub</RequestID></Response>");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Function<Request, Reply> answers;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private WireStub(Function<Request, Reply> answers) throws IOException {
        this.answers = answers;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a stub on 127.0.0.1; {@code answers} returns null for requests it does not serve (answered 501). */
    public static WireStub start(Function<Request, Reply> answers) {
        try {
            WireStub stub = new WireStub(answers);
            stub.server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the wire stub", e);
        }
    }

    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Requests seen so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Matcher m = CREDENTIAL.matcher(authorization == null ? "" : authorization);
            boolean signed = m.find();
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("X-Amz-Target"), body,
                    signed ? m.group(1) : "", signed ? m.group(2) : "");
            requests.add(request);
            Reply reply = answers.apply(request);
            if (reply == null) {
                reply = new Reply(501, "text/plain", "not served by the stub: " + request.method() + " " + request.path());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", "stub-" + requests.size());
            if (reply.status() >= 400 && reply.contentType().equals("application/json")) {
                String type = reply.body().replaceAll(".*\"__type\":\"([^\"]+)\".*", "$1");
                exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
