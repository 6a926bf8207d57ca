package io.watchkeeper.watchers.gcp;

import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.config.gcp.GcpIamPolicy.AuditConfig;
import io.watchkeeper.core.config.gcp.GcpIamPolicy.AuditLogConfig;
import io.watchkeeper.core.config.gcp.GcpIamPolicy.Binding;
import io.watchkeeper.core.config.gcp.GcpIamPolicy.Condition;
import java.util.Comparator;
import java.util.List;

/** IAM policies of the three client families as one sorted {@link GcpIamPolicy}. */
public final class GcpPolicies {

    private static final Comparator<Binding> ORDER = Comparator.comparing(Binding::role)
            .thenComparing(b -> b.condition() == null ? "" : String.valueOf(b.condition().expression()))
            .thenComparing(b -> String.join(",", b.members()));

    private GcpPolicies() {}

    /** Cloud Client Libraries (Resource Manager, KMS, Run, Functions). */
    public static GcpIamPolicy of(com.google.iam.v1.Policy p) {
        List<Binding> bindings = p.getBindingsList().stream()
                .map(b -> new Binding(b.getRole(), GcpNames.sorted(b.getMembersList()), b.hasCondition()
                        ? new Condition(GcpNames.blankToNull(b.getCondition().getTitle()),
                                GcpNames.blankToNull(b.getCondition().getDescription()), b.getCondition().getExpression())
                        : null))
                .sorted(ORDER).toList();
        List<AuditConfig> audit = p.getAuditConfigsList().stream()
                .map(a -> new AuditConfig(a.getService(), a.getAuditLogConfigsList().stream()
                        .map(l -> new AuditLogConfig(l.getLogType().name(), GcpNames.sorted(l.getExemptedMembersList())))
                        .sorted(Comparator.comparing(AuditLogConfig::logType)).toList()))
                .sorted(Comparator.comparing(AuditConfig::service)).toList();
        return new GcpIamPolicy(p.getVersion(), bindings, audit,
                p.getEtag().isEmpty() ? null : java.util.Base64.getEncoder().encodeToString(p.getEtag().toByteArray()));
    }

    /** The IAM Admin REST client (service accounts). */
    public static GcpIamPolicy of(com.google.api.services.iam.v1.model.Policy p) {
        if (p == null) {
            return GcpIamPolicy.EMPTY;
        }
        List<Binding> bindings = p.getBindings() == null ? List.of() : p.getBindings().stream()
                .map(b -> new Binding(b.getRole(), GcpNames.sorted(b.getMembers()), b.getCondition() == null ? null
                        : new Condition(b.getCondition().getTitle(), b.getCondition().getDescription(),
                                b.getCondition().getExpression())))
                .sorted(ORDER).toList();
        return new GcpIamPolicy(p.getVersion() == null ? 1 : p.getVersion(), bindings, List.of(), p.getEtag());
    }

    /** Cloud Storage. */
    public static GcpIamPolicy of(com.google.cloud.Policy p) {
        List<Binding> bindings = p.getBindingsList().stream()
                .map(b -> new Binding(b.getRole(), GcpNames.sorted(b.getMembers()), b.getCondition() == null ? null
                        : new Condition(b.getCondition().getTitle(), b.getCondition().getDescription(),
                                b.getCondition().getExpression())))
                .sorted(ORDER).toList();
        return new GcpIamPolicy(p.getVersion(), bindings, List.of(), p.getEtag());
    }
}
