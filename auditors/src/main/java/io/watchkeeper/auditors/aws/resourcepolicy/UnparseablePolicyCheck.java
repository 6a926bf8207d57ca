package io.watchkeeper.auditors.aws.resourcepolicy;

import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Objects;

/**
 * {@code <type>/unparseable-policy}: the resource policy cannot be read, so the other policy checks
 * cannot vouch for it. One evidence under the key {@value ResourcePolicyEvidence#UNPARSEABLE}.
 */
public final class UnparseablePolicyCheck<C extends Record> implements Check<C> {

    private final PolicyResource<C> resource;

    public UnparseablePolicyCheck(PolicyResource<C> resource) {
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    @Override public CheckId id() { return CheckId.of(resource.type().id() + "/unparseable-policy"); }
    @Override public String name() { return resource.name() + "UnparseablePolicy"; }
    @Override public Class<C> configType() { return resource.configType(); }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return resource.noun() + " policy cannot be audited"; }
    @Override public String rationale() {
        return "Watchkeeper could not read the policy, so nobody checked whether it exposes the " + resource.thing() + ".";
    }
    @Override public String remediation() {
        return "Review the policy by hand and rewrite it in plain IAM policy grammar (at most a few hundred "
                + "statements).";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        return ResourcePolicyEvidence.unparseable(resource.policyOf(config), context);
    }
}
