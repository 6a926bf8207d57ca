package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.auditors.gcp.Members.Grant;
import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One {@link MemberRule} applied to the IAM policies of one {@link PolicyType}: every (role, member) grant the
 * rule reports is one piece of evidence, keyed {@code member:<role>:<member>} (once, however many bindings
 * repeat it).
 */
public final class MemberCheck<C extends Record> implements Check<C> {

    private final PolicyType<C> type;
    private final MemberRule rule;

    MemberCheck(PolicyType<C> type, MemberRule rule) {
        this.type = type;
        this.rule = rule;
    }

    @Override public CheckId id() { return CheckId.of(type.type() + "/" + rule.suffix()); }
    @Override public String name() { return rule.name().replace("{type}", type.namePrefix()); }
    @Override public Class<C> configType() { return type.configType(); }
    @Override public Severity severity() { return rule.severity(); }
    @Override public String title() { return rule.title().replace("{label}", type.label()); }
    @Override public String rationale() { return rule.rationale(); }
    @Override public String remediation() { return rule.remediation(); }
    @Override public List<String> controls() { return rule.cisIds().stream().map(c -> GcpCheck.CIS + c).toList(); }
    @Override public Set<ResourceType> dependsOn() { return rule.dependsOn(); }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        Function<Grant, MemberRule.Match> matcher = rule.members().prepare(config, context);
        if (matcher == null) {
            return List.of();
        }
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (GcpIamPolicy policy : type.of(config)) {
            for (Grant g : Members.grants(policy)) {
                String key = "member:" + g.role() + ":" + g.member();
                if (out.containsKey(key) || !rule.roles().test(g.role())) {
                    continue;
                }
                MemberRule.Match m = matcher.apply(g);
                if (m != null) {
                    out.put(key, Members.evidence(key, g.member() + m.qualifier() + " holds " + g.role() + m.suffix(),
                            m.exposure(), m.details()));
                }
            }
        }
        return List.copyOf(out.values());
    }
}
