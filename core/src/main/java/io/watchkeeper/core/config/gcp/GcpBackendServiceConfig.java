package io.watchkeeper.core.config.gcp;

import java.time.Instant;
import java.util.List;

/**
 * A Compute Engine backend service ({@code gcp.compute.backend-service}), global or regional: the part of a load
 * balancer that carries its request logging. Nothing in it moves without a change by someone (its fingerprint is not
 * kept), so no field is ephemeral.
 *
 * @param name the backend service's name
 * @param id the numeric id
 * @param region the region of a regional backend service, null for a global one
 * @param loadBalancingScheme EXTERNAL, EXTERNAL_MANAGED, INTERNAL, INTERNAL_MANAGED or INTERNAL_SELF_MANAGED
 * @param protocol HTTP, HTTPS, HTTP2, H2C, TCP, SSL, UDP, GRPC or UNSPECIFIED
 * @param loggingEnabled {@code logConfig.enable}: true only when request logging is on
 * @param logSampleRate {@code logConfig.sampleRate} (0.0 to 1.0) when set, else null (the API's default is 1.0)
 * @param securityPolicy the Cloud Armor policy ({@code projects/…/global/securityPolicies/…}), or null
 * @param iapEnabled whether Identity-Aware Proxy guards it
 * @param cdnEnabled whether Cloud CDN is on
 * @param backends the instance groups and network endpoint groups it sends to (relative paths), sorted
 * @param createTime when it was created
 */
public record GcpBackendServiceConfig(
        String name,
        String id,
        String region,
        String loadBalancingScheme,
        String protocol,
        boolean loggingEnabled,
        Float logSampleRate,
        String securityPolicy,
        boolean iapEnabled,
        boolean cdnEnabled,
        List<String> backends,
        Instant createTime) {}
