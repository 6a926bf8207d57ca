package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.auditors.gcp.Members.Grant;
import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code allUsers} or {@code allAuthenticatedUsers} holds a role in one of the resource's IAM policies
 * (CIS 1.9 for KMS keys). One finding per role and member; a conditional binding is reported too (its
 * CEL condition is not evaluated) and says so.
 */
public final class PublicMemberCheck<C extends Record> implements Check<C> {

    private final PolicyType<C> type;

    PublicMemberCheck(PolicyType<C> type) {
        this.type = type;
    }

    @Override public CheckId id() { return CheckId.of(type.type() + "/public-members"); }
    @Override public String name() { return type.namePrefix() + "PublicMembers"; }
    @Override public Class<C> configType() { return type.configType(); }
    @Override public Severity severity() { return type.publicSeverity(); }
    @Override public String title() { return type.label() + " grants a role to allUsers or allAuthenticatedUsers"; }
    @Override public String rationale() {
        return type.publicWhy() + " allAuthenticatedUsers is anyone with a Google account, not the organisation.";
    }
    @Override public String remediation() {
        return "Remove allUsers and allAuthenticatedUsers from the policy's bindings (gcloud … remove-iam-policy-binding);"
                + " grant the role to the groups or service accounts that need it.";
    }
    @Override public List<String> controls() { return type.publicControls().stream().map(c -> GcpCheck.CIS + c).toList(); }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (GcpIamPolicy policy : type.of(config)) {
            for (Grant g : Members.grants(policy)) {
                if (Members.isPublic(g.member())) {
                    String key = "member:" + g.role() + ":" + g.member();
                    out.putIfAbsent(key, Members.evidence(key, g.member() + " holds " + g.role()
                            + (g.conditional() ? " (under a condition)" : ""), Exposure.INTERNET,
                            Json.object().put("role", g.role()).put("member", g.member()).put("conditional", g.conditional())));
                }
            }
        }
        return List.copyOf(out.values());
    }
}
