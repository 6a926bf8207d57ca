package io.watchkeeper.auditors.gcp.compute;

import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Instance facts the VM checks share: GKE nodes, attached service accounts, metadata inherited from the project. */
final class Instances {

    static final ResourceType PROJECT = ResourceType.of("gcp.project");
    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    private Instances() {}

    /** A GKE node: CIS excludes them from the VM recommendations (GKE manages their settings). */
    static boolean gkeNode(GcpInstanceConfig instance) {
        Map<String, String> labels = instance.labels();
        return labels != null && labels.containsKey("goog-gke-node")
                || instance.name() != null && instance.name().startsWith("gke-");
    }

    static List<GcpInstanceConfig.ServiceAccount> serviceAccounts(GcpInstanceConfig instance) {
        return Members.list(instance.serviceAccounts());
    }

    /**
     * The instance's metadata value of a key, or the project's common metadata value when the instance
     * does not set it (GCP's own precedence); null when neither does.
     */
    static String effective(String instanceValue, AuditContext context, Function<GcpProjectConfig, String> projectValue) {
        if (instanceValue != null) {
            return instanceValue;
        }
        for (var project : context.related(PROJECT, GcpProjectConfig.class)) {
            if (project.config() != null) {
                String v = projectValue.apply(project.config());
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }
}
