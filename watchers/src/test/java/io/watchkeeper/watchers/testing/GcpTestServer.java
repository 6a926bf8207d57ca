package io.watchkeeper.watchers.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.watchkeeper.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback server answering GCP REST APIs from an in-memory world (see {@link GcpTestOrg}, built
 * from recorded Cloud Custodian responses and the public REST references): every API on one
 * {@code http://127.0.0.1:<port>} with the APIs' own paths, as the product sends them with
 * {@code watchkeeper.gcp.endpoint} set.
 *
 * <ul>
 *   <li>collections ({@code GET <path>} lists, paged by {@code pageToken}/{@code nextPageToken} with at
 *       most {@link #pageSize} items a page; {@code GET <path>/<name>} one item);</li>
 *   <li>Compute aggregated lists derived from the zonal/regional collections, paged by scope;</li>
 *   <li>documents for everything else ({@code METHOD path}), an empty IAM policy for a
 *       {@code getIamPolicy} nobody set, Google's error JSON (404) for anything unknown;</li>
 *   <li>the writes the remediations make (PATCH of an item or bucket, a service-account key's
 *       {@code :disable}/{@code :enable}, PUT of a bucket's IAM policy with its etag), applied to the world;</li>
 *   <li>faults on chosen requests (status and times), and every request recorded (method, path,
 *       query, Authorization, body) for assertions.</li>
 * </ul>
 *
 * <p>A benchmark may turn on the {@linkplain #answerCache(boolean) answer cache}: the bytes of each read answer are
 * kept per request (method, path and query) until the world changes, so a repeated request costs no JSON building.
 */
public final class GcpTestServer implements AutoCloseable {

    /** A request as it arrived. */
    public record Recorded(String method, String path, String query, String authorization, String body) {}

    private record Collection(String field, Map<String, ObjectNode> items) {}

    /** An answer as sent: status and JSON bytes. */
    private record Answer(int status, byte[] bytes) {}

    private record Fault(String method, Pattern path, int status, String reason, AtomicInteger remaining) {}

    private static final Pattern AGGREGATED = Pattern.compile("/compute/v1/projects/([^/]+)/aggregated/([A-Za-z]+)");

    private final HttpServer server;
    private final String base;
    /** Sorted by path, so a project's aggregated list reads only that project's collections. */
    private final java.util.concurrent.ConcurrentNavigableMap<String, Collection> collections =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> denied = ConcurrentHashMap.newKeySet();
    private volatile int pageSize = 2;
    private volatile long latencyMillis;
    private volatile boolean recording = true;
    /** Read answers as sent, per {@code METHOD path?query}, while the answer cache is on (null when off). */
    private volatile Map<String, Answer> answers;

    /** Requests whose cached answers a change dropped, until {@link #primeAnswerCache} builds them again. */
    private final java.util.Set<String> dropped = ConcurrentHashMap.newKeySet();
    /** Bumped by every change to the world: an answer computed across a change is not kept. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private volatile java.util.function.BiConsumer<String, String> listener = (method, path) -> { };
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** The access token the test token endpoint hands out for a service-account key. */
    public static final String SOURCE_TOKEN = "source-token";
    /** The access token IAM Credentials hands out when a service account is impersonated. */
    public static final String IMPERSONATED_TOKEN = "impersonated-token";

    private static final Pattern GENERATE_TOKEN =
            Pattern.compile("/v1/projects/-/serviceAccounts/([^/:]+):generateAccessToken");

    public GcpTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A server holding the synthetic organisation's first state. */
    public static GcpTestServer withOrganisation() {
        GcpTestServer server = new GcpTestServer();
        GcpTestOrg.populate(server);
        return server;
    }

    public String endpoint() {
        return base;
    }

    public void pageSize(int size) {
        this.pageSize = size;
        changed();
    }

    /**
     * Whether read answers ({@code GET}s and {@code :getIamPolicy}) are kept as bytes and sent again for the same
     * method, path and query until the world changes through this server (off by default). With it on, change
     * documents with {@link #modifyDocument}, not through the node {@link #document(String)} returns.
     */
    public void answerCache(boolean on) {
        this.answers = on ? new ConcurrentHashMap<>() : null;
    }

    /** Bytes of the answers the cache holds now (0 when it is off). */
    public long answerCacheBytes() {
        Map<String, Answer> cache = answers;
        return cache == null ? 0 : cache.values().stream().mapToLong(a -> a.bytes().length).sum();
    }

    /** The world changed: cached answers are dropped (their requests are remembered for {@link #primeAnswerCache}). */
    private void changed() {
        generation.incrementAndGet();
        Map<String, Answer> cache = answers;
        if (cache != null) {
            dropped.addAll(cache.keySet());
            cache.clear();
        }
    }

    /**
     * Builds again, from the world as it is now, the answers the last change dropped, as a server that has its
     * answers ready before the next caller asks: a benchmark calls this between changing the world and the next
     * watch, so that watch is not charged for this in-process server's JSON building. Returns how many answers
     * were built. Answers are exactly what a request would have been sent (same building code, same keys).
     */
    public int primeAnswerCache() {
        Map<String, Answer> cache = answers;
        if (cache == null) {
            return 0;
        }
        int built = 0;
        for (String key : List.copyOf(dropped)) {
            int space = key.indexOf(' ');
            int mark = key.lastIndexOf('?');
            String method = key.substring(0, space);
            String rawPath = key.substring(space + 1, mark);
            String query = key.substring(mark + 1);
            String decoded = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
            if (special(method, decoded, "", null) != null) {
                continue;
            }
            long seen = generation.get();
            Answer sent = build(method, decoded, rawPath, "null".equals(query) ? null : query, "");
            if (generation.get() == seen) {
                cache.put(key, sent);
                built++;
            }
        }
        dropped.clear();
        return built;
    }

    /** Every answer waits this long (so concurrent callers overlap). */
    public void latency(java.time.Duration latency) {
        this.latencyMillis = latency.toMillis();
    }

    /**
     * Whether requests are kept for {@link #requests()} (on by default; a benchmark answering
     * hundreds of thousands of requests turns it off and counts through {@link #listener}).
     */
    public void recording(boolean on) {
        this.recording = on;
    }

    /** Told the method and decoded path of every request before it is answered. */
    public void listener(java.util.function.BiConsumer<String, String> listener) {
        this.listener = listener;
    }

    /** The most requests this server was answering at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    // ---- the world ----

    /** Declares (or empties) a collection at {@code path} whose list answers carry the items under {@code field}. */
    public void collection(String path, String field) {
        collections.put(path, new Collection(field, new LinkedHashMap<>()));
        changed();
    }

    /** Adds or replaces an item (by its {@code name}, or {@code key} when given) in a collection. */
    public void put(String path, ObjectNode item) {
        put(path, name(item), item);
    }

    public void put(String path, String key, ObjectNode item) {
        Collection c = collections.computeIfAbsent(path, p -> new Collection(defaultField(p), new LinkedHashMap<>()));
        synchronized (c.items()) {
            c.items().put(key, rewrite(item));
        }
        changed();
    }

    /** Changes an item in place. */
    public void modify(String path, String key, Consumer<ObjectNode> change) {
        Collection c = collections.get(path);
        synchronized (c.items()) {
            ObjectNode item = c.items().get(key);
            if (item == null) {
                throw new IllegalArgumentException("no item " + key + " in " + path);
            }
            change.accept(item);
        }
        changed();
    }

    public void remove(String path, String key) {
        Collection c = collections.get(path);
        synchronized (c.items()) {
            if (c.items().remove(key) == null) {
                throw new IllegalArgumentException("no item " + key + " in " + path);
            }
        }
        changed();
    }

    /** The answer to {@code method path} (e.g. {@code POST /v3/projects/p:getIamPolicy}). */
    public void document(String methodAndPath, JsonNode body) {
        documents.put(methodAndPath, rewrite(body));
        changed();
    }

    /** Changes the document answering {@code method path} in place. */
    public void modifyDocument(String methodAndPath, Consumer<ObjectNode> change) {
        JsonNode document = documents.get(methodAndPath);
        if (!(document instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no document " + methodAndPath);
        }
        synchronized (object) {
            change.accept(object);
        }
        changed();
    }

    public JsonNode document(String methodAndPath) {
        return documents.get(methodAndPath);
    }

    /** Answers the next {@code times} requests matching {@code method} and {@code pathRegex} with {@code status}. */
    public void fail(String method, String pathRegex, int status, int times) {
        String reason = switch (status) {
            case 403 -> "PERMISSION_DENIED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 404 -> "NOT_FOUND";
            default -> status >= 500 ? "UNAVAILABLE" : "FAILED_PRECONDITION";
        };
        faults.add(new Fault(method, Pattern.compile(pathRegex), status, reason, new AtomicInteger(times)));
    }

    /** A permission {@code testIamPermissions} reports as not held. */
    public void deny(String permission) {
        denied.add(permission);
    }

    public void clearFaults() {
        faults.clear();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    /**
     * Recorded bodies carry production URLs: they are rewritten to this server so nothing follows them out.
     * OAuth scopes ({@code https://www.googleapis.com/auth/…}) are names, not links, and stay as they are.
     */
    @SuppressWarnings("unchecked")
    <T extends JsonNode> T rewrite(T node) {
        String text = Json.write(node).replaceAll("https://([a-z0-9-]+\\.)*googleapis\\.com(?!/auth/)", base);
        return (T) Json.parse(text);
    }

    // ---- serving ----

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            serve(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            System.err.println("GcpTestServer: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
            throw e;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        {
            // google-http-client on the JDK client sends PATCH as POST with X-HTTP-Method-Override, as Google's front end accepts
            String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
            String method = override != null && exchange.getRequestMethod().equals("POST") ? override : exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes();
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            if (recording) {
                requests.add(new Recorded(method, URLDecoder.decode(path, StandardCharsets.UTF_8), query,
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
            }
            listener.accept(method, URLDecoder.decode(path, StandardCharsets.UTF_8));
            for (Fault f : faults) {
                if (f.method().equals(method) && f.path().matcher(URLDecoder.decode(path, StandardCharsets.UTF_8)).matches()
                        && f.remaining().getAndDecrement() > 0) {
                    send(exchange, f.status(), error(f.status(), f.reason(), "injected by the test"));
                    return;
                }
            }
            String decoded = URLDecoder.decode(path, StandardCharsets.UTF_8);
            Map<String, Answer> cache = answers;
            String cacheKey = cache != null && readOnly(method, decoded) ? method + " " + path + "?" + query : null;
            Answer cached = cacheKey == null ? null : cache.get(cacheKey);
            if (cached != null) {
                send(exchange, cached);
                return;
            }
            long seen = generation.get();
            JsonNode special = special(method, decoded, body, exchange.getRequestHeaders().getFirst("Authorization"));
            Answer sent = special != null ? sent(special, method, path) : build(method, decoded, path, query, body);
            if (cacheKey != null && generation.get() == seen) {
                cache.put(cacheKey, sent);
            }
            send(exchange, sent);
        }
    }

    /** The answer to a request from the world as it is now (the handler's and {@link #primeAnswerCache}'s). */
    private Answer build(String method, String decoded, String rawPath, String query, String body) {
        this.body.set(body);
        try {
            return sent(answer(method, decoded, params(query)), method, rawPath);
        } finally {
            this.body.remove();
        }
    }

    /** An answer as sent: 404 for none, the error's own status for an error, else 200. */
    private static Answer sent(JsonNode answer, String method, String rawPath) {
        if (answer == null) {
            return answer(404, error(404, "NOT_FOUND", "no such resource: " + method + " " + rawPath));
        }
        return answer.has("error") ? answer(answer.path("error").path("code").asInt(500), answer) : answer(200, answer);
    }

    /** Token endpoints and permission tests, which depend on the request. */
    private JsonNode special(String method, String path, String body, String authorization) {
        if (method.equals("POST") && path.equals("/token")) {
            ObjectNode token = Json.object();
            token.put("access_token", SOURCE_TOKEN);
            token.put("expires_in", 3600);
            token.put("token_type", "Bearer");
            return token;
        }
        Matcher generate = GENERATE_TOKEN.matcher(path);
        if (method.equals("POST") && generate.matches()) {
            if (!("Bearer " + SOURCE_TOKEN).equals(authorization)) {
                return error(403, "PERMISSION_DENIED", "caller may not impersonate " + generate.group(1));
            }
            ObjectNode token = Json.object();
            token.put("accessToken", IMPERSONATED_TOKEN);
            token.put("expireTime", "2099-01-01T00:00:00Z");
            return token;
        }
        if (method.equals("POST") && path.endsWith(":testIamPermissions")) {
            ObjectNode out = Json.object();
            ArrayNode held = out.putArray("permissions");
            JsonNode asked = Json.parse(body.isBlank() ? "{}" : body).path("permissions");
            for (JsonNode p : asked) {
                if (!denied.contains(p.asString())) {
                    held.add(p.asString());
                }
            }
            return out;
        }
        return null;
    }

    private JsonNode answer(String method, String path, Map<String, String> params) {
        JsonNode written = write(method, path, params);
        if (written != null) {
            return written;
        }
        JsonNode document = documents.get(method + " " + path);
        if (document != null) {
            return document;
        }
        if (method.equals("GET")) {
            Collection c = null;
            for (String scoping : new String[] {"project", "parent"}) {
                if (c == null && params.get(scoping) != null) {
                    c = collections.get(path + "?" + scoping + "=" + params.get(scoping));
                }
            }
            if (c == null) {
                c = collections.get(path);
            }
            if (c != null) {
                return page(c, params);
            }
            Matcher aggregated = AGGREGATED.matcher(path);
            if (aggregated.matches()) {
                return aggregated(aggregated.group(1), aggregated.group(2), params);
            }
            int slash = path.lastIndexOf('/');
            Collection parent = slash > 0 ? collections.get(path.substring(0, slash)) : null;
            if (parent != null) {
                synchronized (parent.items()) {
                    ObjectNode item = parent.items().get(path.substring(slash + 1));
                    if (item != null) {
                        return item;
                    }
                }
            }
        }
        if (path.endsWith(":getIamPolicy") || method.equals("GET") && path.startsWith("/storage/v1/b/") && path.endsWith("/iam")) {
            ObjectNode empty = Json.object();
            empty.put("version", 1);
            empty.put("etag", "ACAB");
            return empty;
        }
        return null;
    }

    // ---- writes (what the remediations send) ----

    private static final Pattern KEY_STATE = Pattern.compile("(/v1/projects/[^/]+/serviceAccounts/[^/]+/keys)/([^/:]+):(disable|enable)");
    private static final Pattern BUCKET = Pattern.compile("/storage/v1/b/([^/]+)");
    private static final Pattern SET_METADATA = Pattern.compile("(/compute/v1/projects/[^/]+/zones/[^/]+/instances)/([^/]+)/setMetadata");
    private static final Pattern BUCKET_IAM = Pattern.compile("/storage/v1/b/([^/]+)/iam");

    /** The body of the request being answered (writes read it). */
    private final ThreadLocal<String> body = new ThreadLocal<>();

    /**
     * Writes: PATCH of a collection item merges the body into it (objects deeply, everything else
     * replaced; fields an {@code updateMask} names but the body lacks are removed) and answers the item,
     * or a finished Compute operation; PATCH of a bucket likewise; an instance's {@code setMetadata}
     * replaces its metadata when the fingerprint matches (else 412); {@code keys/<id>:disable|enable} sets
     * a service-account key's {@code disabled}; PUT of a bucket's IAM policy replaces it when the etag
     * matches (else 412) and gives it a new etag. Anything else is not a write (null).
     */
    private JsonNode write(String method, String path, Map<String, String> params) {
        String text = body.get();
        if (method.equals("POST")) {
            Matcher metadata = SET_METADATA.matcher(path);
            if (metadata.matches() && collections.containsKey(metadata.group(1))) {
                ObjectNode instance = item(metadata.group(1), metadata.group(2));
                if (instance == null) {
                    return error(404, "NOT_FOUND", "no instance " + metadata.group(2));
                }
                JsonNode next = Json.parse(text == null || text.isBlank() ? "{}" : text);
                synchronized (instance) {
                    String current = instance.path("metadata").path("fingerprint").asString("");
                    if (!current.equals(next.path("fingerprint").asString(""))) {
                        return error(412, "FAILED_PRECONDITION", "metadata fingerprint mismatch");
                    }
                    ObjectNode stored = instance.putObject("metadata");
                    stored.put("fingerprint", "fp-" + writes.incrementAndGet());
                    stored.set("items", next.path("items").isArray() ? next.get("items").deepCopy() : Json.mapper().createArrayNode());
                }
                changed();
                return operation("setMetadata", path);
            }
            Matcher key = KEY_STATE.matcher(path);
            if (key.matches() && collections.containsKey(key.group(1))) {
                ObjectNode item = item(key.group(1), key.group(2));
                if (item == null) {
                    return error(404, "NOT_FOUND", "no key " + key.group(2));
                }
                item.put("disabled", key.group(3).equals("disable"));
                changed();
                return Json.object();
            }
            return null;
        }
        if (method.equals("PUT")) {
            Matcher iam = BUCKET_IAM.matcher(path);
            if (!iam.matches()) {
                return null;
            }
            JsonNode current = documents.get("GET " + path);
            ObjectNode next = (ObjectNode) Json.parse(text == null || text.isBlank() ? "{}" : text);
            String etag = current == null ? "ACAB" : current.path("etag").asString("");
            if (next.hasNonNull("etag") && !next.get("etag").asString().equals(etag)) {
                return error(412, "FAILED_PRECONDITION", "etag mismatch: the policy changed since it was read");
            }
            next.put("etag", "etag-" + writes.incrementAndGet());
            next.put("resourceId", "projects/_/buckets/" + iam.group(1));
            documents.put("GET " + path, next);
            changed();
            return next;
        }
        if (!method.equals("PATCH")) {
            return null;
        }
        ObjectNode patch = (ObjectNode) Json.parse(text == null || text.isBlank() ? "{}" : text);
        ObjectNode item = null;
        Matcher bucket = BUCKET.matcher(path);
        if (bucket.matches()) {
            for (Map.Entry<String, Collection> c : collections.entrySet()) {
                if (c.getKey().startsWith("/storage/v1/b?") && item == null) {
                    item = item(c.getKey(), bucket.group(1));
                }
            }
        } else {
            int slash = path.lastIndexOf('/');
            if (slash > 0 && collections.containsKey(path.substring(0, slash))) {
                item = item(path.substring(0, slash), path.substring(slash + 1));
            }
        }
        if (item == null) {
            return null;
        }
        synchronized (item) {
            String mask = params.get("updateMask");
            if (mask != null) {
                for (String field : mask.split(",")) {
                    String camel = camel(field.strip());
                    if (!patch.has(camel)) {
                        item.remove(camel);
                    }
                }
            }
            merge(item, patch);
        }
        changed();
        return path.startsWith("/compute/") ? operation("patch", path) : item;
    }

    /** A finished Compute operation on {@code path}. */
    private ObjectNode operation(String type, String path) {
        ObjectNode op = Json.object();
        op.put("kind", "compute#operation");
        op.put("id", String.valueOf(writes.incrementAndGet()));
        op.put("name", "operation-" + writes.get());
        op.put("operationType", type);
        op.put("status", "DONE");
        op.put("progress", 100);
        op.put("targetLink", base + path);
        return op;
    }

    private final AtomicInteger writes = new AtomicInteger();

    private ObjectNode item(String collection, String key) {
        Collection c = collections.get(collection);
        if (c == null) {
            return null;
        }
        synchronized (c.items()) {
            return c.items().get(key);
        }
    }

    private static void merge(ObjectNode into, JsonNode patch) {
        for (String field : patch.propertyNames()) {
            JsonNode value = patch.get(field);
            if (value.isObject() && into.get(field) instanceof ObjectNode existing) {
                merge(existing, value);
            } else {
                into.set(field, value.deepCopy());
            }
        }
    }

    private static String camel(String field) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : field.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }

    private JsonNode page(Collection c, Map<String, String> params) {
        List<ObjectNode> all;
        synchronized (c.items()) {
            all = new ArrayList<>(c.items().values());
        }
        String keyTypes = params.get("keyTypes");
        if (keyTypes != null) {
            all.removeIf(k -> !keyTypes.equals(k.path("keyType").asString("")));
        }
        // a page size of 0 is "unset" (AIP-158: the server's default), as the Google clients send it when none was set
        params.remove("pageSize", "0");
        params.remove("maxResults", "0");
        int size = Math.max(1, Math.min(pageSize, intParam(params, "maxResults", intParam(params, "pageSize", pageSize))));
        if (!params.containsKey("pageToken") && !params.containsKey("pageSize") && !params.containsKey("maxResults")) {
            size = Math.max(1, all.size()); // a client that asks for no paging gets the API's default page: everything here
        }
        int from = token(params.get("pageToken"));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray(c.field());
        for (int i = from; i < Math.min(all.size(), from + size); i++) {
            items.add(all.get(i));
        }
        if (from + size < all.size()) {
            out.put("nextPageToken", "page-" + (from + size));
        }
        return out;
    }

    private JsonNode aggregated(String project, String kind, Map<String, String> params) {
        String prefix = "/compute/v1/projects/" + project + "/";
        Pattern scoped = Pattern.compile(Pattern.quote(prefix) + "((zones|regions)/[^/]+|global)/" + kind);
        List<Map.Entry<String, Collection>> scopes = new ArrayList<>();
        collections.subMap(prefix, prefix + Character.MAX_VALUE).forEach((path, c) -> {
            Matcher m = path.startsWith(prefix) && path.endsWith("/" + kind) ? scoped.matcher(path) : null;
            if (m == null) {
                return;
            }
            if (m.matches()) {
                scopes.add(Map.entry(m.group(1), c));
            }
        });
        scopes.sort(Map.Entry.comparingByKey());
        int from = token(params.get("pageToken"));
        ObjectNode out = Json.object();
        ObjectNode items = out.putObject("items");
        int size = Math.max(1, pageSize);
        for (int i = from; i < Math.min(scopes.size(), from + size); i++) {
            Collection c = scopes.get(i).getValue();
            ArrayNode list = items.putObject(scopes.get(i).getKey()).putArray(kind);
            synchronized (c.items()) {
                c.items().values().forEach(list::add);
            }
        }
        if (from + size < scopes.size()) {
            out.put("nextPageToken", "page-" + (from + size));
        }
        return out;
    }

    private static int token(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        if (!token.startsWith("page-")) {
            throw new IllegalArgumentException("unknown page token " + token);
        }
        return Integer.parseInt(token.substring(5));
    }

    private static int intParam(Map<String, String> params, String name, int fallback) {
        String value = params.get(name);
        return value == null || !value.matches("\\d{1,6}") ? fallback : Integer.parseInt(value);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static JsonNode error(int status, String reason, String message) {
        ObjectNode error = Json.object();
        ObjectNode inner = error.putObject("error");
        inner.put("code", status);
        inner.put("message", message);
        inner.put("status", reason);
        ObjectNode detail = inner.putArray("errors").addObject();
        detail.put("message", message);
        detail.put("domain", "global");
        detail.put("reason", status == 403 ? "forbidden" : status == 429 ? "rateLimitExceeded" : "backendError");
        return error;
    }

    /** Requests that change nothing, whose answers the cache may keep: reads and IAM policy reads. */
    private static boolean readOnly(String method, String path) {
        return method.equals("GET") || method.equals("POST") && path.endsWith(":getIamPolicy");
    }

    private static Answer answer(int status, JsonNode body) {
        return new Answer(status, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, answer(status, body));
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(answer.status(), answer.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.bytes());
        }
    }

    private static String name(ObjectNode item) {
        for (String field : new String[] {"name", "email", "id"}) {
            if (item.hasNonNull(field)) {
                String value = item.get(field).asString();
                return value.substring(value.lastIndexOf('/') + 1);
            }
        }
        throw new IllegalArgumentException("item without a name: " + item);
    }

    private static String defaultField(String path) {
        return path.startsWith("/compute/") || path.startsWith("/storage/") ? "items"
                : path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
