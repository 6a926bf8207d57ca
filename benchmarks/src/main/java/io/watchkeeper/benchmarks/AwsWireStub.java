package io.watchkeeper.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.watchkeeper.benchmarks.SyntheticOrg.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process AWS stub on loopback that speaks the wire protocols the AWS SDK for Java v2
 * expects, serving a {@link SyntheticOrg}: STS AssumeRole and GetCallerIdentity, IAM, EC2 (query protocols), S3
 * (REST-XML, path-style) and S3 Control. Every request waits a configurable latency before it is
 * answered, and is counted per service and action.
 *
 * <p>Accounts: AssumeRole answers with an access key id {@code ASIA<12-digit account>BNCH}; every
 * other request is attributed to the account (and region) in its SigV4 {@code Credential=} scope.
 * A request signed with anything else is refused as AWS would refuse it.
 */
public final class AwsWireStub implements AutoCloseable {

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(.+)");
    private static final Pattern SESSION_KEY = Pattern.compile("ASIA(\\d{12})BNCH");
    /** The role every account lets the hub assume. */
    public static final String ROLE_NAME = "WatchkeeperAudit";

    static {
        // The JDK server closes idle keep-alive connections beyond 200 by default; the product's
        // pool keeps up to 512 open. Must be set before the server's configuration class loads.
        System.setProperty("sun.net.httpserver.maxIdleConnections",
                System.getProperty("sun.net.httpserver.maxIdleConnections", "4096"));
    }

    private final SyntheticOrg org;
    private final IamResponses iam;
    private final Ec2Responses ec2;
    private final S3Responses s3;
    private final NetworkResponses network;
    private final MonitoringResponses monitoring;
    private final LoadBalancerResponses loadBalancers;
    private final ContainerResponses containers;
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile long latencyNanos;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger failuresLogged = new AtomicInteger();

    private AwsWireStub(SyntheticOrg org, Duration latency) throws IOException {
        this.org = org;
        this.iam = new IamResponses(org);
        this.ec2 = new Ec2Responses(org, iam);
        this.s3 = new S3Responses(org);
        this.network = new NetworkResponses(org);
        this.monitoring = new MonitoringResponses(org);
        this.loadBalancers = new LoadBalancerResponses(org);
        this.containers = new ContainerResponses(org);
        this.latencyNanos = latency.toNanos();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a stub on 127.0.0.1 on an ephemeral port. */
    public static AwsWireStub start(SyntheticOrg org, Duration latency) {
        try {
            AwsWireStub stub = new AwsWireStub(org, latency);
            stub.server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the AWS stub: " + e.getMessage(), e);
        }
    }

    public SyntheticOrg org() {
        return org;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:<port>}: {@code localhost} so that the product's S3 Control host fix applies. */
    public URI endpoint() {
        return URI.create("http://localhost:" + port());
    }

    public void latency(Duration latency) {
        this.latencyNanos = latency.toNanos();
    }

    /** Changes a deterministic fraction of the organisation's items; see {@link SyntheticOrg#mutate}. */
    public Map<Kind, Integer> mutate(double fraction, long seed) {
        return org.mutate(fraction, seed);
    }

    /** Requests answered so far, by {@code service:Action}, sorted. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Error answers so far, by {@code service:Action:Code}, sorted. */
    public Map<String, Long> errorCounts() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Most requests the stub had open at once since the last reset. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    public void resetCounts() {
        requests.clear();
        errors.clear();
        peakInFlight.set(inFlight.get());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    // ---- request handling ---------------------------------------------------------------------

    /** One answer. */
    private record Answer(int status, String contentType, String body, String service, String action, String errorCode) {
        static Answer ok(String service, String action, String contentType, String body) {
            return new Answer(200, contentType, body, service, action, null);
        }
    }

    /** What the SigV4 credential scope says. */
    private record Signer(String accessKeyId, String region, String service) {}

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            Answer answer;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                answer = route(exchange, new String(body, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                if (failuresLogged.incrementAndGet() <= 5) {
                    System.err.println("stub: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
                }
                answer = new Answer(500, "application/xml", s3Error("InternalError", "stub failure: " + e.getMessage()),
                        "unknown", "unknown", "InternalError");
            }
            requests.computeIfAbsent(answer.service() + ":" + answer.action(), k -> new LongAdder()).increment();
            if (answer.errorCode() != null) {
                errors.computeIfAbsent(answer.service() + ":" + answer.action() + ":" + answer.errorCode(),
                        k -> new LongAdder()).increment();
            }
            pause();
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", answer.contentType());
            if (answer.errorCode() != null && answer.contentType().contains("json")) {
                headers.set("x-amzn-ErrorType", answer.errorCode());
            }
            String requestId = Long.toHexString(requestIds.incrementAndGet());
            headers.set("x-amz-request-id", requestId);
            headers.set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void pause() {
        long nanos = latencyNanos;
        if (nanos > 0) {
            try {
                Thread.sleep(Duration.ofNanos(nanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Answer route(HttpExchange exchange, String body) {
        Signer signer = signer(exchange.getRequestHeaders().getFirst("Authorization"));
        String path = exchange.getRequestURI().getRawPath();
        if (signer == null) {
            return new Answer(403, "application/xml", s3Error("MissingAuthenticationToken", "Request is missing a SigV4 Authorization header"),
                    "unknown", "unsigned", "MissingAuthenticationToken");
        }
        String service = "s3".equals(signer.service()) && path.startsWith("/v20180820/") ? "s3control" : signer.service();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        boolean json = target != null || JSON_REST.contains(service);
        Map<String, String> params = "s3".equals(service) || "s3control".equals(service) || json
                ? form(exchange.getRequestURI().getRawQuery()) : form(body);
        String action = target != null ? target.substring(target.lastIndexOf('.') + 1)
                : params.getOrDefault("Action", "unknown");
        if ("sts".equals(service)) {
            return "GetCallerIdentity".equals(action) ? callerIdentity(signer) : sts(action, params);
        }
        Matcher key = SESSION_KEY.matcher(signer.accessKeyId());
        int account = key.matches() ? org.accountIndex(key.group(1)) : -1;
        if (account < 0) {
            return switch (service) {
                case "iam" -> queryError("iam", action, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
                case "ec2" -> ec2Error(action, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");
                default -> new Answer(403, "application/xml", s3Error("InvalidAccessKeyId",
                        "The AWS Access Key Id you provided does not exist in our records."), service, "unknown", "InvalidAccessKeyId");
            };
        }
        return switch (service) {
            case "iam" -> iam(account, action, params);
            case "ec2" -> ec2(account, signer.region(), action, params);
            case "s3" -> s3(account, exchange.getRequestMethod(), path, params);
            case "s3control" -> s3control(account, exchange.getRequestMethod(), path, exchange.getRequestHeaders());
            default -> added(account, signer.region(), service, action, exchange.getRequestMethod(), path, params, body);
        };
    }

    /** Services answered with REST-JSON (no X-Amz-Target: the operation is the method and path). */
    private static final java.util.Set<String> JSON_REST = java.util.Set.of("guardduty", "access-analyzer", "securityhub",
            "eks", "elasticfilesystem");

    /** The services added with issue 14. */
    private Answer added(int account, String regionName, String service, String action, String method, String path,
                         Map<String, String> params, String body) {
        int r = org.regionIndex(regionName);
        if (r < 0) {
            return new Answer(400, "text/plain", "region not served: " + regionName, service, action, "UnknownRegion");
        }
        if (JSON_REST.contains(service)) {
            action = restAction(service, method, path);
        }
        String id = requestId();
        StubReply reply = switch (service) {
            case "monitoring" -> monitoring.cloudWatch(account, r, action, id);
            case "logs" -> monitoring.logs(account, r, action);
            case "config" -> monitoring.config(account, r, action);
            case "guardduty" -> monitoring.guardDuty(account, r, method, path);
            case "access-analyzer" -> monitoring.accessAnalyzer(account, r, method, path);
            case "securityhub" -> monitoring.securityHub(account, r, method, path);
            case "organizations" -> monitoring.organizations(action);
            case "elasticloadbalancing" -> "2015-12-01".equals(params.get("Version"))
                    ? loadBalancers.elbv2(account, r, action, params, id) : loadBalancers.elb(account, r, action, params, id);
            case "rds" -> loadBalancers.rds(account, r, action, params, id);
            case "secretsmanager" -> containers.secretsManager(account, r, action, body);
            case "eks" -> containers.eks(account, r, method, path);
            case "ecr" -> containers.ecr(account, r, action, body);
            case "elasticfilesystem" -> containers.efs(account, r, method, path);
            default -> null;
        };
        if (reply == null) {
            return new Answer(400, "application/xml", s3Error("UnknownOperation", "not served: " + service + " " + action),
                    service, action, "UnknownOperation");
        }
        return new Answer(reply.status(), reply.contentType(), reply.body(), service, action, reply.errorCode());
    }

    /** The operation a REST-JSON request names, for counting. */
    private static String restAction(String service, String method, String path) {
        String[] p = path.replaceAll("^/|/$", "").split("/");
        return switch (service) {
            case "guardduty" -> p.length == 1 ? "ListDetectors" : p.length == 2 ? "GetDetector" : "GetAdministratorAccount";
            case "access-analyzer" -> "ListAnalyzers";
            case "securityhub" -> "POST".equals(method) ? "GetEnabledStandards" : "DescribeHub";
            case "eks" -> p.length == 1 ? "ListClusters" : "DescribeCluster";
            case "elasticfilesystem" -> p.length <= 2 ? "DescribeFileSystems"
                    : "policy".equals(p[3]) ? "DescribeFileSystemPolicy" : "DescribeBackupPolicy";
            default -> method + " " + path;
        };
    }

    static Signer signer(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        return m.find() ? new Signer(m.group(1), m.group(3), m.group(4)) : null;
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> out = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private String requestId() {
        long n = requestIds.incrementAndGet();
        return String.format("%08x-%04x-4%03x-8%03x-%012x", n, n & 0xffff, n & 0xfff, (n >>> 12) & 0xfff, n);
    }

    // ---- STS ----------------------------------------------------------------------------------

    private Answer sts(String action, Map<String, String> params) {
        if (!"AssumeRole".equals(action)) {
            return queryError("sts", action, 400, "InvalidAction", "Could not find operation " + action);
        }
        Matcher m = ROLE_ARN.matcher(params.getOrDefault("RoleArn", ""));
        int account = m.matches() ? org.accountIndex(m.group(1)) : -1;
        if (account < 0 || !ROLE_NAME.equals(m.group(2))) {
            return queryError("sts", action, 403, "AccessDenied", "User is not authorized to perform: sts:AssumeRole on resource: "
                    + params.get("RoleArn"));
        }
        String accountId = org.accountId(account);
        String session = params.getOrDefault("RoleSessionName", "session");
        int duration = Integer.parseInt(params.getOrDefault("DurationSeconds", "3600"));
        long h = SyntheticOrg.mix(account * 31L + requestIds.get());
        String secret = Base64.getEncoder().encodeToString((SyntheticOrg.hex(h, 30)).getBytes(StandardCharsets.US_ASCII))
                .substring(0, 40);
        String token = "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(
                (accountId + ":" + session + ":" + SyntheticOrg.hex(h, 200)).getBytes(StandardCharsets.US_ASCII));
        Xml x = new Xml(1500);
        x.open("AssumeRoleResponse", "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"").open("AssumeRoleResult");
        x.open("AssumedRoleUser")
                .el("AssumedRoleId", SyntheticOrg.iamId("AROA", SyntheticOrg.mix(account)) + ":" + session)
                .el("Arn", "arn:aws:sts::" + accountId + ":assumed-role/" + ROLE_NAME + "/" + session)
                .close("AssumedRoleUser");
        x.open("Credentials").el("AccessKeyId", "ASIA" + accountId + "BNCH").el("SecretAccessKey", secret)
                .el("SessionToken", token)
                .el("Expiration", Instant.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS))
                .close("Credentials");
        x.el("PackedPolicySize", 6).close("AssumeRoleResult");
        IamResponses.metadata(x, requestId());
        return Answer.ok("sts", action, "text/xml", x.close("AssumeRoleResponse").toString());
    }

    /** Who the signer is: the account of an AssumeRole session key; anything else is refused. */
    private Answer callerIdentity(Signer signer) {
        Matcher key = SESSION_KEY.matcher(signer.accessKeyId());
        if (!key.matches() || org.accountIndex(key.group(1)) < 0) {
            return queryError("sts", "GetCallerIdentity", 403, "InvalidClientTokenId",
                    "The security token included in the request is invalid.");
        }
        String accountId = key.group(1);
        Xml x = new Xml(600);
        x.open("GetCallerIdentityResponse", "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"")
                .open("GetCallerIdentityResult")
                .el("Arn", "arn:aws:sts::" + accountId + ":assumed-role/" + ROLE_NAME + "/watchkeeper")
                .el("UserId", "AROA" + accountId + ":watchkeeper")
                .el("Account", accountId)
                .close("GetCallerIdentityResult");
        IamResponses.metadata(x, requestId());
        return Answer.ok("sts", "GetCallerIdentity", "text/xml", x.close("GetCallerIdentityResponse").toString());
    }

    // ---- IAM ----------------------------------------------------------------------------------

    private Answer iam(int account, String action, Map<String, String> params) {
        if ("GetAccountPasswordPolicy".equals(action)) {
            String policy = iam.getAccountPasswordPolicy(account, requestId());
            return policy != null ? Answer.ok("iam", action, "text/xml", policy)
                    : queryError("iam", action, 404, "NoSuchEntity", "The Password Policy with domain name "
                            + org.accountId(account) + " cannot be found.");
        }
        if ("ListAccessKeys".equals(action)) {
            String keys = iam.listAccessKeys(account, params.getOrDefault("UserName", ""), requestId());
            return keys != null ? Answer.ok("iam", action, "text/xml", keys)
                    : queryError("iam", action, 404, "NoSuchEntity", "The user with name " + params.get("UserName") + " cannot be found.");
        }
        String body = switch (action) {
            case "GetAccountAuthorizationDetails" -> iam.getAccountAuthorizationDetails(account, params, requestId());
            case "GenerateCredentialReport" -> iam.generateCredentialReport(requestId());
            case "GetCredentialReport" -> iam.getCredentialReport(account, requestId());
            case "GetAccountSummary" -> iam.getAccountSummary(account, requestId());
            case "ListVirtualMFADevices" -> iam.listVirtualMfaDevices(account, requestId());
            case "ListServerCertificates" -> iam.listServerCertificates(account, requestId());
            default -> null;
        };
        if (body == null) {
            return queryError("iam", action, 400, "InvalidAction", "Could not find operation " + action + " for version 2010-05-08");
        }
        return Answer.ok("iam", action, "text/xml", body);
    }

    private Answer queryError(String service, String action, int status, String code, String message) {
        String ns = "sts".equals(service) ? "https://sts.amazonaws.com/doc/2011-06-15/" : IamResponses.NS;
        Xml x = new Xml(400);
        x.open("ErrorResponse", "xmlns=\"" + ns + "\"").open("Error").el("Type", status >= 500 ? "Receiver" : "Sender")
                .el("Code", code).el("Message", message).close("Error").el("RequestId", requestId()).close("ErrorResponse");
        return new Answer(status, "text/xml", x.toString(), service, action, code);
    }

    // ---- EC2 ----------------------------------------------------------------------------------

    private Answer ec2(int account, String region, String action, Map<String, String> params) {
        int r = org.regionIndex(region);
        if (r < 0 && !"DescribeRegions".equals(action)) {
            return ec2Error(action, 401, "OptInRequired", "You are not subscribed to this service in " + region + ".");
        }
        String body = switch (action) {
            case "DescribeRegions" -> ec2.describeRegions(requestId());
            case "DescribeSecurityGroups" -> ec2.describeSecurityGroups(account, r, params, requestId());
            case "DescribeInstances" -> ec2.describeInstances(account, r, params, requestId());
            case "DescribeInstanceAttribute" -> ec2.describeInstanceAttribute(params, requestId());
            default -> network.answer(account, r, action, params, requestId());
        };
        if (body == null) {
            return ec2Error(action, 400, "InvalidAction", "The action " + action + " is not valid for this web service.");
        }
        return Answer.ok("ec2", action, "text/xml;charset=UTF-8", body);
    }

    private Answer ec2Error(String action, int status, String code, String message) {
        Xml x = new Xml(400);
        x.open("Response").open("Errors").open("Error").el("Code", code).el("Message", message).close("Error")
                .close("Errors").el("RequestID", requestId()).close("Response");
        return new Answer(status, "text/xml;charset=UTF-8", x.toString(), "ec2", action, code);
    }

    // ---- S3 -----------------------------------------------------------------------------------

    private static final Map<String, String> SUBRESOURCES = Map.of("location", "GetBucketLocation", "policy",
            "GetBucketPolicy", "acl", "GetBucketAcl", "publicAccessBlock", "GetPublicAccessBlock", "encryption",
            "GetBucketEncryption", "versioning", "GetBucketVersioning", "logging", "GetBucketLogging",
            "ownershipControls", "GetBucketOwnershipControls", "tagging", "GetBucketTagging");

    private Answer s3(int account, String method, String path, Map<String, String> query) {
        String xml = "application/xml";
        if (!"GET".equals(method)) {
            return s3Fail("unknown", 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        if (path.equals("/") || path.isEmpty()) {
            return Answer.ok("s3", "ListBuckets", xml,
                    s3.listBuckets(account, query.get("max-buckets"), query.get("continuation-token")));
        }
        String bucket = URLDecoder.decode(path.substring(1).replaceAll("/+$", ""), StandardCharsets.UTF_8);
        String sub = SUBRESOURCES.keySet().stream().filter(query::containsKey).findFirst().orElse(null);
        if (sub == null || bucket.contains("/")) {
            return s3Fail("unknown", 501, "NotImplemented", "The stub serves bucket configuration reads only.");
        }
        String action = SUBRESOURCES.get(sub);
        int b = s3.bucketIndex(account, bucket);
        if (b < 0) {
            return s3.bucketOwner(bucket) >= 0
                    ? s3Fail(action, 403, "AccessDenied", "Access Denied")
                    : s3Fail(action, 404, "NoSuchBucket", "The specified bucket does not exist");
        }
        return switch (sub) {
            case "location" -> Answer.ok("s3", action, xml, s3.location(b));
            case "policy" -> orNotFound(action, "application/json", s3.policy(account, b), "NoSuchBucketPolicy",
                    "The bucket policy does not exist");
            case "acl" -> Answer.ok("s3", action, xml, s3.acl(account, b));
            case "publicAccessBlock" -> orNotFound(action, xml, s3.publicAccessBlock(b),
                    "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");
            case "encryption" -> orNotFound(action, xml, s3.encryption(account, b),
                    "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found");
            case "versioning" -> Answer.ok("s3", action, xml, s3.versioning(b));
            case "logging" -> Answer.ok("s3", action, xml, s3.logging(account, b));
            case "ownershipControls" -> orNotFound(action, xml, s3.ownership(b), "OwnershipControlsNotFoundError",
                    "The bucket ownership controls were not found");
            case "tagging" -> orNotFound(action, xml, s3.tagging(account, b), "NoSuchTagSet", "The TagSet does not exist");
            default -> throw new IllegalStateException(sub);
        };
    }

    private Answer orNotFound(String action, String contentType, String body, String code, String message) {
        return body == null ? s3Fail(action, 404, code, message) : Answer.ok("s3", action, contentType, body);
    }

    private Answer s3Fail(String action, int status, String code, String message) {
        return new Answer(status, "application/xml", s3Error(code, message), "s3", action, code);
    }

    private String s3Error(String code, String message) {
        return new Xml(400).open("Error").el("Code", code).el("Message", message).el("RequestId", requestId())
                .el("HostId", "wk-bench").close("Error").toString();
    }

    // ---- S3 Control ---------------------------------------------------------------------------

    private Answer s3control(int account, String method, String path, Headers headers) {
        String action = "GetPublicAccessBlock";
        if (!"GET".equals(method) || !"/v20180820/configuration/publicAccessBlock".equals(path)) {
            return s3controlError("unknown", 501, "NotImplemented", "The stub serves GetPublicAccessBlock only.");
        }
        String accountId = headers.getFirst("x-amz-account-id");
        if (accountId == null || !accountId.equals(org.accountId(account))) {
            return s3controlError(action, 403, "AccessDenied", "Access Denied");
        }
        String body = s3.accountPublicAccessBlock(account);
        if (body == null) {
            return s3controlError(action, 404, "NoSuchPublicAccessBlockConfiguration",
                    "The public access block configuration was not found");
        }
        return Answer.ok("s3control", action, "application/xml", body);
    }

    /** S3 Control wraps its errors ({@code ErrorResponse/Error}), unlike S3. */
    private Answer s3controlError(String action, int status, String code, String message) {
        String body = new Xml(400).open("ErrorResponse").open("Error").el("Code", code).el("Message", message)
                .close("Error").el("RequestId", requestId()).el("HostId", "wk-bench").close("ErrorResponse").toString();
        return new Answer(status, "application/xml", body, "s3control", action, code);
    }
}
