package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.Map;

/**
 * A Cloud Run service ({@code gcp.run.service}) with its IAM policy (who may invoke it).
 *
 * @param name the service's name
 * @param location its region
 * @param ingress INGRESS_TRAFFIC_ALL, INGRESS_TRAFFIC_INTERNAL_ONLY, INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER
 * @param serviceAccount the identity the service runs as
 * @param invokerIamDisabled whether the invoker IAM check is off (anyone reaching it may invoke it)
 * @param uri the service's URL
 * @param labels labels
 * @param policy the service's IAM policy ({@code roles/run.invoker} to {@code allUsers} makes it public)
 * @param createTime when the service was created
 * @param updateTime when it last changed
 */
public record GcpRunServiceConfig(
        String name,
        String location,
        String ingress,
        String serviceAccount,
        boolean invokerIamDisabled,
        String uri,
        Map<String, String> labels,
        GcpIamPolicy policy,
        Instant createTime,
        @Ephemeral Instant updateTime) {}
