package io.watchkeeper.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** An answer read completely (bounded), already decompressed, readable any number of times. */
final class ApiResponse extends GitHubConnectorResponse {

    /** Larger answers are refused: a listing page of 100 repositories is well under a megabyte. */
    static final int MAX_BODY = 32 << 20;

    private final byte[] body;

    ApiResponse(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
        super(request, status, withoutEncoding(headers));
        this.body = body;
    }

    static ApiResponse read(GitHubConnectorResponse response) throws IOException {
        if (response instanceof ApiResponse own) {
            return own;
        }
        try (response) {
            byte[] body;
            try (InputStream in = response.bodyStream()) {
                body = in == null ? new byte[0] : in.readNBytes(MAX_BODY + 1);
            } catch (IOException e) {
                if (response.statusCode() >= 400 || response.statusCode() == 304) {
                    body = new byte[0]; // error answers without a body
                } else {
                    throw e;
                }
            }
            if (body.length > MAX_BODY) {
                throw new IOException("answer larger than " + MAX_BODY + " bytes from " + response.request().url().getPath());
            }
            return new ApiResponse(response.request(), response.statusCode(), response.allHeaders(), body);
        }
    }

    /**
     * The same answer for {@code original}: hub4j reads its objects' wiring from the request it sent
     * (its own request type), so the answer handed back must carry that request, not our copy.
     */
    ApiResponse withRequest(GitHubConnectorRequest original) {
        return original == request() ? this : new ApiResponse(original, statusCode(), allHeaders(), body);
    }

    byte[] body() {
        return body;
    }

    @Override
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {}

    private static Map<String, List<String>> withoutEncoding(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null && !k.equalsIgnoreCase("Content-Encoding") && !k.equalsIgnoreCase("Content-Length")) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
