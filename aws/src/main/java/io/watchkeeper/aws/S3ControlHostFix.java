package io.watchkeeper.aws;

import java.net.URI;
import java.net.URISyntaxException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * S3 Control puts the account id in front of the host ({@code 123456789012.host}). Against a
 * custom endpoint (an emulator or a proxy) that host does not resolve; this restores the
 * configured host. Installed only when an endpoint is configured.
 *
 * <p>When the endpoint is an IP address ({@code http://127.0.0.1:5000}), the prefixed host
 * ({@code 123456789012.127.0.0.1}) is not even a valid URI host and the SDK fails before any
 * interceptor runs; the client is then given a stand-in name ({@link #clientEndpoint}) whose
 * prefixed form parses, and this interceptor puts the address back before the request is signed
 * and sent.
 */
final class S3ControlHostFix implements ExecutionInterceptor {

    /** A name that never resolves (RFC 6761), used only until the host is put back. */
    static final String STAND_IN = "s3-control.invalid";

    private final String host;

    S3ControlHostFix(URI endpoint) {
        this.host = endpoint.getHost();
    }

    /** The endpoint to give the S3 Control client for {@code endpoint}. */
    static URI clientEndpoint(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null || !isIpLiteral(host)) {
            return endpoint;
        }
        try {
            return new URI(endpoint.getScheme(), null, STAND_IN, endpoint.getPort(), endpoint.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid S3 Control endpoint " + endpoint, e);
        }
    }

    static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().host(host).build();
    }
}
