package io.watchkeeper.aws;

import java.net.URI;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * S3 Control puts the account id in front of the host ({@code 123456789012.host}). Against a
 * custom endpoint (an emulator or a proxy) that host does not resolve; this restores the
 * configured host. Installed only when an endpoint is configured.
 */
final class S3ControlHostFix implements ExecutionInterceptor {

    private final String host;

    S3ControlHostFix(URI endpoint) {
        this.host = endpoint.getHost();
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().host(host).build();
    }
}
