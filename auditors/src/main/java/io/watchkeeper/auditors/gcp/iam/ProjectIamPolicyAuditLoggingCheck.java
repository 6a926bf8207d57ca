package io.watchkeeper.auditors.gcp.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.config.gcp.GcpIamPolicy.AuditConfig;
import io.watchkeeper.core.config.gcp.GcpIamPolicy.AuditLogConfig;
import io.watchkeeper.core.config.gcp.GcpFolderIamPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpOrganizationIamPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * CIS 2.1: Data Access audit logs are not on for every service. Audit configs are inherited, so the
 * project passes when its own policy, its folders' ({@code gcp.folder.iam-policy}, every ancestor folder) and its
 * organisation's together have {@code allServices} configs with ADMIN_READ, DATA_READ and DATA_WRITE (log types add up
 * down the hierarchy); exempted members on any {@code allServices} config are reported separately (CIS: no exemptions).
 */
@AutoService(Check.class)
public final class ProjectIamPolicyAuditLoggingCheck extends GcpCheck<GcpProjectIamPolicyConfig> {

    static final Set<String> TYPES = Set.of("ADMIN_READ", "DATA_READ", "DATA_WRITE");

    public ProjectIamPolicyAuditLoggingCheck() {
        super("gcp.project.iam-policy/audit-logging-incomplete", GcpProjectIamPolicyConfig.class, Severity.MEDIUM,
                "Data Access audit logging is not on for all services",
                "Without Data Access logs (reads and writes of data, admin reads) nobody can tell who read or changed data"
                        + " during an incident; exempted members are invisible.",
                "Add an auditConfig for allServices with ADMIN_READ, DATA_READ and DATA_WRITE and no exempted members"
                        + " to the project's (or a folder's, or the organisation's) IAM policy.", "2.1");
    }

    @Override
    public Set<ResourceType> dependsOn() { return Set.of(OrganizationDomains.ORGANIZATION, FOLDER); }

    static final ResourceType FOLDER = ResourceType.of("gcp.folder.iam-policy");

    @Override
    public List<Evidence> evaluate(GcpProjectIamPolicyConfig config, AuditContext context) {
        List<GcpIamPolicy> policies = new ArrayList<>();
        policies.add(config.policy());
        for (var org : context.related(OrganizationDomains.ORGANIZATION, GcpOrganizationIamPolicyConfig.class)) {
            if (org.config() != null) {
                policies.add(org.config().policy());
            }
        }
        for (var folder : context.related(FOLDER, GcpFolderIamPolicyConfig.class)) {
            if (folder.config() != null) {
                policies.add(folder.config().policy());
            }
        }
        Set<String> on = new TreeSet<>();
        Set<String> exempted = new TreeSet<>();
        for (GcpIamPolicy policy : policies) {
            if (policy == null) {
                continue;
            }
            for (AuditConfig ac : Members.list(policy.auditConfigs())) {
                if (!"allServices".equals(ac.service())) {
                    continue;
                }
                for (AuditLogConfig log : Members.list(ac.auditLogConfigs())) {
                    if (log.logType() != null) {
                        on.add(log.logType());
                    }
                    exempted.addAll(Members.list(log.exemptedMembers()));
                }
            }
        }
        List<Evidence> out = new ArrayList<>();
        Set<String> missing = new TreeSet<>(TYPES);
        missing.removeAll(on);
        if (!missing.isEmpty()) {
            out.add(Members.evidence("all-services", "allServices audit logs missing: " + String.join(", ", missing),
                    Exposure.INTERNAL, Json.object().put("missing", String.join(",", missing))));
        }
        if (!exempted.isEmpty()) {
            out.add(Members.evidence("exemptions", "Members exempted from audit logging: " + String.join(", ", exempted),
                    Exposure.INTERNAL, Json.object().put("exempted", String.join(",", exempted))));
        }
        return out;
    }
}
