package io.watchkeeper.watchers.aws.organizations;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.DelegatedAdministratorConfig;
import io.watchkeeper.core.config.aws.DelegatedAdministratorConfig.Service;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.DelegatedAdministrator;

/**
 * Delegated administrators of the organization with the services each administers: one paginated
 * call, one per administrator. Not applicable, with no items, outside an organization and in
 * members that may not read it.
 */
@AutoService(Watcher.class)
public final class DelegatedAdministratorWatcher extends AwsWatcher<DelegatedAdministratorConfig> {

    public DelegatedAdministratorWatcher() {
        super("aws.organizations.delegated-administrator", DelegatedAdministratorConfig.class, ScopeKind.GLOBAL,
                "organizations:DescribeOrganization", "organizations:ListDelegatedAdministrators",
                "organizations:ListDelegatedServicesForAccount");
    }

    @Override
    protected List<Observation<DelegatedAdministratorConfig>> observe(WatchScope scope, AwsSession aws) {
        OrganizationsClient orgs = aws.organizations();
        List<DelegatedAdministrator> admins = OrganizationReadAccess.readOrNotApplicable(aws,
                () -> orgs.listDelegatedAdministratorsPaginator(r -> {}).delegatedAdministrators().stream().toList());
        return describeEach(admins, DelegatedAdministrator::arn, DelegatedAdministrator::name, a -> {
            List<Service> services = orgs.listDelegatedServicesForAccountPaginator(r -> r.accountId(a.id()))
                    .delegatedServices().stream()
                    .map(s -> new Service(s.servicePrincipal(), s.delegationEnabledDate())).toList();
            var config = new DelegatedAdministratorConfig(a.id(), a.arn(), a.name(), a.email(), a.statusAsString(),
                    a.joinedMethodAsString(), a.delegationEnabledDate(),
                    sorted(services, Comparator.comparing(Service::servicePrincipal)));
            return new Observation.Observed<>(a.arn(), a.name() == null ? a.id() : a.name(), WatchScope.GLOBAL, config);
        });
    }
}
