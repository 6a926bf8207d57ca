package io.watchkeeper.auditors.gcp.iam;

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
 * A consumer account (gmail.com, outlook.com and the like) holds a role: it belongs to no organisation,
 * so nobody can disable it when its owner leaves, and it is never "known" whatever domains are trusted.
 * CIS 1.1 (corporate login credentials) is a manual recommendation; this check is listed beside it.
 */
public final class ConsumerAccountMemberCheck<C extends Record> implements Check<C> {

    private final PolicyType<C> type;

    ConsumerAccountMemberCheck(PolicyType<C> type) {
        this.type = type;
    }

    @Override public CheckId id() { return CheckId.of(type.type() + "/consumer-account-member"); }
    @Override public String name() { return type.namePrefix() + "ConsumerAccountMember"; }
    @Override public Class<C> configType() { return type.configType(); }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return type.label() + " grants a role to a consumer (gmail.com-like) account"; }
    @Override public String rationale() {
        return "A personal account is outside the organisation's control: no offboarding, no enforced MFA or"
                + " session policy, no audit of who holds it.";
    }
    @Override public String remediation() {
        return "Replace the consumer account with a corporate identity (Cloud Identity or Workspace) and enforce the"
                + " iam.allowedPolicyMemberDomains organisation policy (domain-restricted sharing).";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (GcpIamPolicy policy : type.of(config)) {
            for (Grant g : Members.grants(policy)) {
                if (Members.isConsumer(g.member())) {
                    String key = "member:" + g.role() + ":" + g.member();
                    out.putIfAbsent(key, Members.evidence(key, g.member() + " (a consumer account) holds " + g.role(),
                            Exposure.UNKNOWN_ACCOUNT, Json.object().put("role", g.role()).put("member", g.member())));
                }
            }
        }
        return List.copyOf(out.values());
    }
}
