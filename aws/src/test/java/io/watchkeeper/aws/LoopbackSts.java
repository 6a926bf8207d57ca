package io.watchkeeper.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback endpoint for every AWS service that answers just enough for sessions to open: STS
 * {@code AssumeRole} returns credentials whose key id carries the role's account
 * ({@code ASIA<account>}), and {@code GetCallerIdentity} answers with the account of the signing
 * key. IAM {@code ListUsers} is throttled for the accounts in {@link #throttled} and answered (no users)
 * for those in {@link #answered}. Every other request is refused with 403, so each client still makes
 * one real round trip.
 */
final class LoopbackSts implements AutoCloseable {

    private static final Pattern ROLE_ACCOUNT = Pattern.compile("RoleArn=arn:aws:iam::(\\d{12}):");
    private static final Pattern KEY_ACCOUNT = Pattern.compile("Credential=ASIA(\\d{12})/");

    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    /** For every request other than STS: the account of its signing key ("none" without one) and its target. */
    final java.util.List<String> signedBy = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** Accounts whose IAM ListUsers calls are throttled (400 Throttling), and accounts whose ListUsers calls succeed. */
    final java.util.Set<String> throttled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final java.util.Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** ListUsers attempts answered (throttled or not). */
    final AtomicInteger listUsers = new AtomicInteger();
    /** ListUsers attempts throttled. */
    final AtomicInteger throttles = new AtomicInteger();

    LoopbackSts() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher role = ROLE_ACCOUNT.matcher(body);
        Matcher key = KEY_ACCOUNT.matcher(authorization);
        if (body.contains("Action=AssumeRole") && role.find()) {
            String account = role.group(1);
            reply(exchange, 200, "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                    + "<Credentials><AccessKeyId>ASIA" + account + "</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>"
                    + "<SessionToken>token</SessionToken><Expiration>" + Instant.now().plus(1, ChronoUnit.HOURS)
                    .truncatedTo(ChronoUnit.SECONDS) + "</Expiration></Credentials>"
                    + "<AssumedRoleUser><Arn>arn:aws:sts::" + account + ":assumed-role/watchkeeper/watchkeeper</Arn>"
                    + "<AssumedRoleId>AROA" + account + ":watchkeeper</AssumedRoleId></AssumedRoleUser>"
                    + "</AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>");
        } else if (body.contains("Action=GetCallerIdentity") && key.find()) {
            String account = key.group(1);
            reply(exchange, 200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<GetCallerIdentityResult><Arn>arn:aws:sts::" + account + ":assumed-role/watchkeeper/watchkeeper</Arn>"
                    + "<UserId>AROA" + account + ":watchkeeper</UserId><Account>" + account + "</Account>"
                    + "</GetCallerIdentityResult><ResponseMetadata><RequestId>2</RequestId></ResponseMetadata>"
                    + "</GetCallerIdentityResponse>");
        } else if (body.contains("Action=ListUsers") && key.find(0) && throttled.contains(key.group(1))) {
            listUsers.incrementAndGet();
            throttles.incrementAndGet();
            reply(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                    + "<Message>Rate exceeded</Message></Error><RequestId>4</RequestId></ErrorResponse>");
        } else if (body.contains("Action=ListUsers") && key.find(0) && answered.contains(key.group(1))) {
            listUsers.incrementAndGet();
            reply(exchange, 200, "<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListUsersResult>"
                    + "<Users/><IsTruncated>false</IsTruncated></ListUsersResult>"
                    + "<ResponseMetadata><RequestId>5</RequestId></ResponseMetadata></ListUsersResponse>");
        } else {
            signedBy.add((key.find(0) ? key.group(1) : "none") + " " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + " " + body);
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "AccessDeniedException");
            reply(exchange, 403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>stub</Message></Error>"
                    + "<RequestId>3</RequestId></ErrorResponse>");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
