package io.watchkeeper.watchers.aws.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.DelegatedAdministratorConfig;
import io.watchkeeper.core.config.aws.DelegatedAdministratorConfig.Service;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

class DelegatedAdministratorWatcherTest extends AwsWatcherTestSupport {

    private final DelegatedAdministratorWatcher watcher = new DelegatedAdministratorWatcher();

    @Test
    void readsEachDelegatedAdministratorWithItsServices() {
        OrganizationsClient orgs = moto.client(OrganizationsClient.builder());
        orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
        orgs.createAccount(r -> r.accountName("security").email("security@example.com"));
        orgs.createAccount(r -> r.accountName("workload").email("workload@example.com"));
        String security = orgs.listAccounts().accounts().stream().filter(a -> "security".equals(a.name())).findFirst()
                .orElseThrow().id();
        orgs.registerDelegatedAdministrator(r -> r.accountId(security).servicePrincipal("guardduty.amazonaws.com"));
        orgs.registerDelegatedAdministrator(r -> r.accountId(security).servicePrincipal("access-analyzer.amazonaws.com"));

        Map<String, DelegatedAdministratorConfig> byName = configs(watcher, "us-east-1");
        assertThat(byName).containsOnlyKeys("security");
        DelegatedAdministratorConfig c = byName.get("security");
        assertThat(c.accountId()).isEqualTo(security);
        assertThat(c.email()).isEqualTo("security@example.com");
        assertThat(c.status()).isEqualTo("ACTIVE");
        assertThat(c.services()).extracting(Service::servicePrincipal)
                .containsExactly("access-analyzer.amazonaws.com", "guardduty.amazonaws.com");
    }

    @Test
    void anOrganizationWithoutDelegationsAndAnAccountOutsideOneHaveNone() {
        assertThat(observe(watcher, "us-east-1")).isEmpty();
        OrganizationsClient orgs = moto.client(OrganizationsClient.builder());
        orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
        assertThat(observe(watcher, "us-east-1")).isEmpty();
    }
}
