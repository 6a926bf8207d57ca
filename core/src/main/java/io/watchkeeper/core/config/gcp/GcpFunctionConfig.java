package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.Map;

/**
 * A Cloud Function ({@code gcp.functions.function}, Cloud Functions v2 API, both generations) with its IAM policy.
 *
 * @param name the function's name
 * @param location its region
 * @param environment GEN_1 or GEN_2
 * @param state ACTIVE, FAILED, DEPLOYING, …
 * @param runtime the runtime (python312, nodejs20, …)
 * @param serviceAccount the identity the function runs as
 * @param ingressSettings ALLOW_ALL, ALLOW_INTERNAL_ONLY or ALLOW_INTERNAL_AND_GCLB
 * @param uri the function's URL
 * @param labels labels
 * @param policy the function's IAM policy ({@code roles/cloudfunctions.invoker} to {@code allUsers} makes it public)
 * @param updateTime when it last changed
 */
public record GcpFunctionConfig(
        String name,
        String location,
        String environment,
        String state,
        String runtime,
        String serviceAccount,
        String ingressSettings,
        String uri,
        Map<String, String> labels,
        GcpIamPolicy policy,
        @Ephemeral Instant updateTime) {}
