package io.watchkeeper.auditors.aws.resourcepolicy;

import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code <type>/unknown-account-policy}: the resource policy lets in an account nobody registered
 * (neither this one nor a friendly or third-party one). Principals that are the resource's own are
 * skipped; a setting that stops public access cuts every cross-account grant of a public policy.
 */
public final class UnknownAccountPolicyCheck<C extends Record> implements Check<C> {

    private final PolicyResource<C> resource;

    public UnknownAccountPolicyCheck(PolicyResource<C> resource) {
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    @Override public CheckId id() { return CheckId.of(resource.type().id() + "/unknown-account-policy"); }
    @Override public String name() { return resource.name() + "UnknownAccountPolicy"; }
    @Override public Class<C> configType() { return resource.configType(); }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return resource.noun() + " policy grants access to an unknown account"; }
    @Override public String rationale() {
        return "An account that is neither this one nor registered (friendly or third party) can "
                + resource.impact() + ".";
    }
    @Override public String remediation() {
        return "Remove the statement, or register the account as friendly or third party if the access is intended.";
    }
    @Override public List<String> controls() { return List.of(); }
    @Override public Set<ResourceType> dependsOn() { return resource.publicCutDependsOn(); }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        var reading = ResourcePolicyEvidence.read(resource.policyOf(config), context);
        if (reading.grants().stream().anyMatch(g -> g.entity() == EntityClass.INTERNET)
                && resource.publicCut().test(config, context)) {
            return List.of();
        }
        return ResourcePolicyEvidence.grantsTo(reading.grants().stream()
                .filter(g -> !resource.ownPrincipal().test(config, g.principal())).toList(), EntityClass.UNKNOWN);
    }
}
