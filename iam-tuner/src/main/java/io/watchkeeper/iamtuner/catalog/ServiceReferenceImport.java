package io.watchkeeper.iamtuner.catalog;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A catalogue from AWS's service reference ({@code https://servicereference.us-east-1.amazonaws.com/}:
 * an index of {@code {service, url}} and one JSON file per service), for users with internet access:
 * access levels from {@code Annotations.Properties}, resource types, the {@code SupportedBy."IAM Action
 * Last Accessed"} flag and the operation → action mapping ({@code Operations[].AuthorizedActions}).
 * Dependent actions and service names, which the service reference lacks, are kept from the current
 * catalogue. Everything fetched is untrusted: https only (plain http only to loopback, for tests),
 * service files only from the index's host, bounded sizes, validated names.
 */
public final class ServiceReferenceImport {

    public static final URI DEFAULT_INDEX = URI.create("https://servicereference.us-east-1.amazonaws.com/");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final int MAX_SERVICES = 2_000;

    private final ActionCatalog current;
    private final HttpClient http;

    public ServiceReferenceImport(ActionCatalog current) {
        this.current = current;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** From the index at {@code index} (and the service files it lists on the same host). */
    public CatalogFile.Contents fromUrl(URI index) {
        checkUrl(index);
        JsonNode list = Json.parse(fetch(index));
        if (!list.isArray() || list.size() > MAX_SERVICES) {
            throw new InvalidInputException("the service reference index is not a list of at most " + MAX_SERVICES + " services");
        }
        List<URI> urls = new ArrayList<>();
        for (JsonNode entry : list) {
            URI url = URI.create(entry.path("url").asString(""));
            if (!index.getHost().equalsIgnoreCase(url.getHost()) || !index.getScheme().equals(url.getScheme())) {
                throw new InvalidInputException("the index lists a service file on another host: " + url.getHost());
            }
            urls.add(url);
        }
        List<JsonNode> files = new ArrayList<>();
        Semaphore limit = new Semaphore(8);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (URI url : urls) {
                futures.add(pool.submit(() -> {
                    limit.acquire();
                    try {
                        return Json.parse(fetch(url));
                    } finally {
                        limit.release();
                    }
                }));
            }
            for (Future<JsonNode> f : futures) {
                files.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return contents(files, "AWS service reference " + index);
    }

    /** From a directory of service files ({@code <service>.json}), e.g. a mirror. */
    public CatalogFile.Contents fromDirectory(Path dir) {
        List<JsonNode> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                if (Files.size(p) > MAX_BYTES) {
                    throw new InvalidInputException(p.getFileName() + " is larger than " + MAX_BYTES + " bytes");
                }
                JsonNode node = Json.parse(Files.readString(p));
                if (node.isObject() && node.has("Actions")) {
                    files.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents(files, "AWS service reference files in " + dir.getFileName());
    }

    /**
     * From one file: a service file ({@code {"Name": ..., "Actions": [...]}}) or a JSON array of service files (a
     * bundle of the whole reference).
     */
    public CatalogFile.Contents fromFile(Path file) {
        List<JsonNode> files = new ArrayList<>();
        try {
            if (Files.size(file) > MAX_BYTES * 8) {
                throw new InvalidInputException(file.getFileName() + " is larger than " + MAX_BYTES * 8 + " bytes");
            }
            JsonNode node = Json.parse(Files.readString(file));
            if (node.isArray()) {
                if (node.size() > MAX_SERVICES) {
                    throw new InvalidInputException(file.getFileName() + " holds more than " + MAX_SERVICES + " services");
                }
                node.forEach(files::add);
            } else {
                files.add(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents(files, "AWS service reference file " + file.getFileName());
    }

    private CatalogFile.Contents contents(List<JsonNode> files, String source) {
        List<CatalogFile.Service> services = new ArrayList<>();
        for (JsonNode f : files) {
            String prefix = f.path("Name").asString("");
            if (!PREFIX.matcher(prefix).matches()) {
                continue;
            }
            List<CatalogFile.Action> actions = new ArrayList<>();
            for (JsonNode a : f.path("Actions")) {
                String name = a.path("Name").asString("");
                if (!NAME.matcher(name).matches()) {
                    continue;
                }
                JsonNode props = a.path("Annotations").path("Properties");
                Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
                if (props.path("IsList").asBoolean(false)) {
                    levels.add(AccessLevel.LIST);
                }
                if (props.path("IsPermissionManagement").asBoolean(false)) {
                    levels.add(AccessLevel.PERMISSIONS_MANAGEMENT);
                }
                if (props.path("IsTaggingOnly").asBoolean(false)) {
                    levels.add(AccessLevel.TAGGING);
                }
                if (props.path("IsWrite").asBoolean(false)) {
                    levels.add(AccessLevel.WRITE);
                }
                if (levels.isEmpty()) {
                    levels.add(AccessLevel.READ);
                }
                JsonNode supported = a.path("SupportedBy").path("IAM Action Last Accessed");
                LastAccessedSupport la = supported.isBoolean()
                        ? (supported.asBoolean() ? LastAccessedSupport.TRACKED : LastAccessedSupport.NOT_TRACKED)
                        : LastAccessedSupport.UNKNOWN;
                List<String> resources = new ArrayList<>();
                for (JsonNode r : a.path("Resources")) {
                    String rn = r.path("Name").asString("");
                    if (NAME.matcher(rn).matches()) {
                        resources.add(rn);
                    }
                }
                List<String> dependent = current.find(prefix + ":" + name).stream()
                        .mapToObj(id -> current.action(id).dependentActions()).findFirst().orElse(List.of());
                actions.add(new CatalogFile.Action(name, levels, la, resources, dependent));
            }
            Map<String, List<String>> operations = new LinkedHashMap<>();
            for (JsonNode op : f.path("Operations")) {
                String name = op.path("Name").asString("");
                List<String> targets = new ArrayList<>();
                for (JsonNode t : op.path("AuthorizedActions")) {
                    String svc = t.path("Service").asString("");
                    String act = t.path("Name").asString("");
                    if (PREFIX.matcher(svc).matches() && NAME.matcher(act).matches()) {
                        targets.add(svc + ":" + act);
                    }
                }
                if (NAME.matcher(name).matches() && !targets.isEmpty()) {
                    operations.put(name, targets);
                }
            }
            services.add(new CatalogFile.Service(prefix, current.serviceName(prefix).orElse(prefix), actions, operations));
        }
        if (services.isEmpty()) {
            throw new InvalidInputException("no service files with actions were found");
        }
        return new CatalogFile.Contents(List.of("source " + source + " (refreshed " + Instant.now() + ")",
                "licence AWS documentation; dependent actions and service names from " + current.source()), services);
    }

    private String fetch(URI url) {
        checkUrl(url);
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new InvalidInputException("GET " + url + " answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new InvalidInputException(url + " is larger than " + MAX_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** https anywhere; plain http only to a loopback address (tests, a local mirror). */
    static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (url.getHost() == null) {
            throw new InvalidInputException("not an absolute URL: " + url);
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http")) {
            try {
                if (InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
                    return;
                }
            } catch (IOException e) {
                // fall through
            }
        }
        throw new InvalidInputException("the service reference must be fetched over https (plain http only on loopback): " + url);
    }
}
