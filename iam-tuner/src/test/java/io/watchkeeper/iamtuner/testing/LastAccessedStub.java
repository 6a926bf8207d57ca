package io.watchkeeper.iamtuner.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IAM's last-accessed operations on loopback, speaking the real query protocol (form-encoded POST,
 * XML answers in the 2010-05-08 namespace): {@code GenerateServiceLastAccessedDetails} answers a job id
 * and {@code GetServiceLastAccessedDetails} the report configured for the principal, after a
 * configurable number of IN_PROGRESS polls. Every other IAM request is forwarded unchanged to
 * {@code forwardTo} (moto), so the product can use one IAM endpoint for both.
 *
 * <p>moto stamps every role and user with the time it was created and cannot backdate it; the tuner never
 * tunes a principal younger than its look-back window. {@link #backdate} makes forwarded answers say the
 * principals were created earlier (every {@code CreateDate} of a role or user, except names starting with
 * {@code young}), which is what a real account with old roles answers.
 */
public final class LastAccessedStub implements AutoCloseable {

    /** One service of a report; tracked actions map to their last access, or null for "never". */
    public record Service(String namespace, Instant lastAuthenticated, Map<String, Instant> trackedActions) {}

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "expect",
            "upgrade", "keep-alive");
    private final HttpServer server;
    private final URI forwardTo;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, List<Service>> reports = new ConcurrentHashMap<>();
    private final Map<String, String> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final AtomicInteger generated = new AtomicInteger();
    private volatile int inProgressPolls;
    private volatile java.time.Duration backdate = java.time.Duration.ZERO;
    private volatile boolean lastAccessedUnavailable;
    private volatile String failing = "";

    private LastAccessedStub(URI forwardTo) throws IOException {
        this.forwardTo = forwardTo;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static LastAccessedStub start(String forwardTo) {
        try {
            return new LastAccessedStub(forwardTo == null ? null : URI.create(forwardTo));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void report(String principalArn, List<Service> services) {
        reports.put(principalArn, List.copyOf(services));
    }

    /** Forwarded role and user creation dates move back by {@code by} (names starting with "young" excepted). */
    public void backdate(java.time.Duration by) {
        backdate = by;
    }

    /** Sends the last-accessed operations on to moto too, which does not have them (as an emulator would). */
    public void lastAccessedUnavailable(boolean unavailable) {
        lastAccessedUnavailable = unavailable;
    }

    /** Answers every {@code action} request (e.g. DeleteRolePolicy) with IAM's ServiceFailure until cleared with "". */
    public void fail(String action) {
        failing = action;
    }

    /** How many polls of each job answer IN_PROGRESS before it completes. */
    public void inProgressPolls(int n) {
        inProgressPolls = n;
    }

    public int generated() {
        return generated.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        String action = lastAccessedUnavailable ? "" : form.getOrDefault("Action", "");
        try {
            if (!failing.isEmpty() && failing.equals(form.get("Action"))) {
                xml(ex, 400, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>MalformedPolicyDocument</Code>"
                        + "<Message>injected failure</Message></Error>" + meta() + "</ErrorResponse>");
                return;
            }
            switch (action) {
                case "GenerateServiceLastAccessedDetails" -> {
                    String job = "job-" + generated.incrementAndGet();
                    jobs.put(job, form.getOrDefault("Arn", ""));
                    polls.put(job, new AtomicInteger());
                    xml(ex, 200, "<GenerateServiceLastAccessedDetailsResponse xmlns=\"" + NS + "\">"
                            + "<GenerateServiceLastAccessedDetailsResult><JobId>" + job + "</JobId>"
                            + "</GenerateServiceLastAccessedDetailsResult>" + meta() + "</GenerateServiceLastAccessedDetailsResponse>");
                }
                case "GetServiceLastAccessedDetails" -> get(ex, form.getOrDefault("JobId", ""));
                default -> forward(ex, body);
            }
        } finally {
            ex.close();
        }
    }

    private void get(HttpExchange ex, String job) throws IOException {
        String arn = jobs.get(job);
        if (arn == null) {
            xml(ex, 404, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>"
                    + "<Message>No such job</Message></Error>" + meta() + "</ErrorResponse>");
            return;
        }
        boolean running = polls.get(job).getAndIncrement() < inProgressPolls;
        StringBuilder sb = new StringBuilder("<GetServiceLastAccessedDetailsResponse xmlns=\"" + NS + "\">"
                + "<GetServiceLastAccessedDetailsResult><JobStatus>" + (running ? "IN_PROGRESS" : "COMPLETED") + "</JobStatus>"
                + "<JobType>ACTION_LEVEL</JobType><JobCreationDate>" + Instant.now().minusSeconds(5) + "</JobCreationDate>");
        if (!running) {
            sb.append("<JobCompletionDate>").append(Instant.now()).append("</JobCompletionDate><IsTruncated>false</IsTruncated>");
            sb.append("<ServicesLastAccessed>");
            for (Service s : reports.getOrDefault(arn, List.of())) {
                sb.append("<member><ServiceName>").append(s.namespace()).append(" service</ServiceName>")
                        .append("<ServiceNamespace>").append(s.namespace()).append("</ServiceNamespace>")
                        .append("<TotalAuthenticatedEntities>").append(s.lastAuthenticated() == null ? 0 : 1)
                        .append("</TotalAuthenticatedEntities>");
                if (s.lastAuthenticated() != null) {
                    sb.append("<LastAuthenticated>").append(s.lastAuthenticated()).append("</LastAuthenticated>")
                            .append("<LastAuthenticatedEntity>").append(arn).append("</LastAuthenticatedEntity>")
                            .append("<LastAuthenticatedRegion>us-east-1</LastAuthenticatedRegion>");
                }
                if (!s.trackedActions().isEmpty()) {
                    sb.append("<TrackedActionsLastAccessed>");
                    s.trackedActions().forEach((name, time) -> {
                        sb.append("<member><ActionName>").append(name).append("</ActionName>");
                        if (time != null) {
                            sb.append("<LastAccessedEntity>").append(arn).append("</LastAccessedEntity>")
                                    .append("<LastAccessedRegion>us-east-1</LastAccessedRegion>")
                                    .append("<LastAccessedTime>").append(time).append("</LastAccessedTime>");
                        }
                        sb.append("</member>");
                    });
                    sb.append("</TrackedActionsLastAccessed>");
                }
                sb.append("</member>");
            }
            sb.append("</ServicesLastAccessed>");
        }
        sb.append("</GetServiceLastAccessedDetailsResult>").append(meta()).append("</GetServiceLastAccessedDetailsResponse>");
        xml(ex, 200, sb.toString());
    }

    private void forward(HttpExchange ex, byte[] body) throws IOException {
        if (forwardTo == null) {
            xml(ex, 400, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>InvalidAction</Code>"
                    + "<Message>not served by the stub</Message></Error>" + meta() + "</ErrorResponse>");
            return;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(forwardTo.resolve(ex.getRequestURI().toString()))
                .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((k, values) -> {
            if (!HOP.contains(k.toLowerCase())) {
                values.forEach(v -> b.header(k, v));
            }
        });
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().map().forEach((k, values) -> {
                if (!HOP.contains(k.toLowerCase()) && !k.startsWith(":")) {
                    ex.getResponseHeaders().put(k, values);
                }
            });
            byte[] out = backdate.isZero() || r.statusCode() != 200 ? r.body() : backdated(r.body());
            ex.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private byte[] backdated(byte[] body) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body));
            org.w3c.dom.NodeList dates = doc.getElementsByTagNameNS("*", "CreateDate");
            boolean changed = false;
            for (int i = 0; i < dates.getLength(); i++) {
                org.w3c.dom.Element date = (org.w3c.dom.Element) dates.item(i);
                String name = sibling(date, "RoleName");
                name = name != null ? name : sibling(date, "UserName");
                if (name == null || name.startsWith("young")) {
                    continue;
                }
                String text = date.getTextContent().strip();
                Instant created = text.endsWith("Z") ? Instant.parse(text) : java.time.OffsetDateTime.parse(text).toInstant();
                date.setTextContent(created.minus(backdate).toString());
                changed = true;
            }
            if (!changed) {
                return body;
            }
            var out = new java.io.ByteArrayOutputStream();
            javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                    new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            return body; // not XML: forwarded as it was
        }
    }

    private static String sibling(org.w3c.dom.Element e, String tag) {
        for (org.w3c.dom.Node n = e.getParentNode().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element el && tag.equals(el.getLocalName())) {
                return el.getTextContent().strip();
            }
        }
        return null;
    }

    private static void xml(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static String meta() {
        return "<ResponseMetadata><RequestId>" + java.util.UUID.randomUUID() + "</RequestId></ResponseMetadata>";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Tracked actions in insertion order. */
    public static Map<String, Instant> actions(Object... nameThenTime) {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenTime.length; i += 2) {
            out.put((String) nameThenTime[i], (Instant) nameThenTime[i + 1]);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
