package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A GCP type that carries IAM policies, as the member checks see it.
 *
 * @param type the resource type id
 * @param configType its config record
 * @param label what the resource is called in messages ("Cloud KMS key")
 * @param policies the policies of a config that decide who may use it (a key's and its key ring's); nulls allowed
 * @param publicSeverity the severity of a public member, or null when the type has no public-member check here
 * @param publicControls the CIS ids the public-member check decides
 * @param publicWhy why a public member matters for this type
 * @param <C> the config record
 */
public record PolicyType<C extends Record>(String type, Class<C> configType, String label,
                                           Function<C, List<GcpIamPolicy>> policies, Severity publicSeverity,
                                           List<String> publicControls, String publicWhy) {

    /** The output name prefix: {@code gcp.kms.crypto-key} gives {@code GcpKmsCryptoKey}. */
    public String namePrefix() {
        StringBuilder out = new StringBuilder();
        for (String part : type.split("[.-]")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** The config's policies, never null, without nulls. */
    List<GcpIamPolicy> of(C config) {
        try {
            List<GcpIamPolicy> list = policies.apply(config);
            return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
        } catch (NullPointerException e) {
            return List.of();
        }
    }
}
