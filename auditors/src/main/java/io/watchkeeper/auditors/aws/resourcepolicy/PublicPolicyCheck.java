package io.watchkeeper.auditors.aws.resourcepolicy;

import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code <type>/public-policy}: the resource policy lets anyone in (Principal * or NotPrincipal that no
 * condition pins to known accounts, the organisation, a VPC or trusted networks), and no setting outside
 * the policy stops it. One evidence per grant, keyed by statement and principal.
 */
public final class PublicPolicyCheck<C extends Record> implements Check<C> {

    private final PolicyResource<C> resource;

    public PublicPolicyCheck(PolicyResource<C> resource) {
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    @Override public CheckId id() { return CheckId.of(resource.type().id() + "/public-policy"); }
    @Override public String name() { return resource.name() + "PublicPolicy"; }
    @Override public Class<C> configType() { return resource.configType(); }
    @Override public Severity severity() { return resource.publicSeverity(); }
    @Override public String title() { return resource.noun() + " policy grants access to everyone"; }
    @Override public String rationale() {
        return "A statement for Principal * (or NotPrincipal) that no condition pins to known accounts, the "
                + "organisation, a VPC or trusted networks lets anyone " + resource.impact() + ".";
    }
    @Override public String remediation() { return resource.publicRemediation(); }
    @Override public List<String> controls() { return resource.publicControls(); }
    @Override public Set<ResourceType> dependsOn() { return resource.publicCutDependsOn(); }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        if (resource.publicCut().test(config, context)) {
            return List.of();
        }
        return ResourcePolicyEvidence.publicGrants(resource.policyOf(config), context);
    }
}
