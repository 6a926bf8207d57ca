package io.watchkeeper.watchers.aws.organizations;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.OrganizationPolicyConfig;
import io.watchkeeper.core.config.aws.OrganizationPolicyConfig.Target;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;

/**
 * Organization policies of every policy type enabled in the root (SCPs, RCPs, tag, backup, …) with
 * content and attachments. One call per enabled type and two per policy (content, targets: no list
 * carries them). Not applicable, with no items, outside an organization and in members that may not
 * read it.
 */
@AutoService(Watcher.class)
public final class OrganizationPolicyWatcher extends AwsWatcher<OrganizationPolicyConfig> {

    public OrganizationPolicyWatcher() {
        super("aws.organizations.policy", OrganizationPolicyConfig.class, ScopeKind.GLOBAL,
                "organizations:DescribeOrganization", "organizations:ListRoots", "organizations:ListPolicies",
                "organizations:DescribePolicy", "organizations:ListTargetsForPolicy");
    }

    @Override
    protected List<Observation<OrganizationPolicyConfig>> observe(WatchScope scope, AwsSession aws) {
        OrganizationsClient orgs = aws.organizations();
        List<PolicySummary> policies = OrganizationReadAccess.readOrNotApplicable(aws, () -> orgs.listRootsPaginator().stream()
                .flatMap(page -> page.roots().stream())
                .flatMap(root -> root.policyTypes().stream())
                .filter(t -> t.status() == PolicyTypeStatus.ENABLED)
                .map(t -> t.typeAsString())
                .distinct()
                .flatMap(type -> orgs.listPoliciesPaginator(r -> r.filter(type)).stream()
                        .flatMap(page -> page.policies().stream()))
                .toList());
        return describeEach(policies, PolicySummary::arn, PolicySummary::name, p -> {
            String content = orgs.describePolicy(r -> r.policyId(p.id())).policy().content();
            List<Target> targets = orgs.listTargetsForPolicyPaginator(r -> r.policyId(p.id())).stream()
                    .flatMap(page -> page.targets().stream())
                    .map(t -> new Target(t.targetId(), t.typeAsString(), t.name(), t.arn())).toList();
            var config = new OrganizationPolicyConfig(p.id(), p.arn(), p.name(), p.description(), p.typeAsString(),
                    p.awsManaged(), PolicyDocument.parse(content), sorted(targets, Comparator.comparing(Target::targetId)));
            return new Observation.Observed<>(p.arn(), p.name(), WatchScope.GLOBAL, config);
        });
    }
}
