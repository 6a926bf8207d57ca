package io.watchkeeper.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnectorRequest;

/**
 * A request with its body read once, so that it can be sent again (retries) and changed (a
 * conditional header) without touching the original.
 */
final class ApiRequest implements GitHubConnectorRequest {

    /** Request bodies are small (JSON settings); anything larger is refused. */
    private static final int MAX_BODY = 1 << 20;

    private final String method;
    private final URL url;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String contentType;

    ApiRequest(String method, URL url, Map<String, List<String>> headers, byte[] body, String contentType) {
        this.method = method;
        this.url = url;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body;
        this.contentType = contentType;
    }

    static ApiRequest of(GitHubConnectorRequest request) throws IOException {
        if (request instanceof ApiRequest own) {
            return own;
        }
        byte[] body = null;
        if (request.hasBody()) {
            try (InputStream in = request.body()) {
                body = in == null ? new byte[0] : in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                throw new IOException("request body larger than " + MAX_BODY + " bytes");
            }
        }
        return new ApiRequest(request.method(), request.url(), request.allHeaders(), body, request.contentType());
    }

    /** The same request with one header set (replacing any earlier value). */
    ApiRequest withHeader(String name, String value) {
        Map<String, List<String>> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        changed.putAll(headers);
        changed.put(name, List.of(value));
        return new ApiRequest(method, url, changed, body, contentType);
    }

    /** The path and query of the URL: the cache key (never a token: tokens travel in headers only). */
    String pathAndQuery() {
        return url.getQuery() == null ? url.getPath() : url.getPath() + "?" + url.getQuery();
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public Map<String, List<String>> allHeaders() {
        return headers;
    }

    @Override
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public InputStream body() {
        return body == null ? null : new ByteArrayInputStream(body);
    }

    @Override
    public URL url() {
        return url;
    }

    @Override
    public boolean hasBody() {
        return body != null;
    }

    static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return map;
    }
}
