package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.auditors.gcp.Members.Grant;
import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service account of a project nobody registered holds a role: the GCP analogue of an unknown AWS account in a
 * policy. Trusted (never reported): the audited project's own service accounts and service agents, those of every
 * registered project (watched ones and {@code accounts add gcp --third-party} ones), and those of the projects declared
 * in {@code watchkeeper.gcp.trusted-projects}. The project is read from the e-mail (a project id, or the project number
 * of a Google-managed service agent) and matched exactly: {@code x@my-project-evil.iam.gserviceaccount.com} is not
 * {@code my-project}. E-mails that name no project (organisation-level and Google-internal agents) are not reported.
 */
public final class UnknownProjectServiceAccountCheck<C extends Record> implements Check<C> {

    private final PolicyType<C> type;

    UnknownProjectServiceAccountCheck(PolicyType<C> type) {
        this.type = type;
    }

    @Override public CheckId id() { return CheckId.of(type.type() + "/unknown-project-service-account"); }
    @Override public String name() { return type.namePrefix() + "UnknownProjectServiceAccount"; }
    @Override public Class<C> configType() { return type.configType(); }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return type.label() + " grants a role to a service account of an unknown project"; }
    @Override public String rationale() {
        return "Whoever controls the other project (and its service-account keys) holds this access, outside the"
                + " organisation's watch.";
    }
    @Override public String remediation() {
        return "Remove the member, or register its project (watchkeeper accounts add gcp, --third-party for a partner's)"
                + " or declare it in watchkeeper.gcp.trusted-projects when the grant is intended.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (GcpIamPolicy policy : type.of(config)) {
            for (Grant g : Members.grants(policy)) {
                String project = Members.serviceAccountProject(g.member());
                if (project == null || context.classifyGcpProject(project) != EntityClass.UNKNOWN) {
                    continue;
                }
                String key = "member:" + g.role() + ":" + g.member();
                out.putIfAbsent(key, Members.evidence(key, g.member() + " (project " + project
                        + ", not registered or trusted) holds " + g.role(), Exposure.UNKNOWN_ACCOUNT,
                        Json.object().put("role", g.role()).put("member", g.member()).put("project", project)));
            }
        }
        return List.copyOf(out.values());
    }
}
