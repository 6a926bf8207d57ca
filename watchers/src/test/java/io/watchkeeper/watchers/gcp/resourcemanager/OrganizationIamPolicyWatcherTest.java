package io.watchkeeper.watchers.gcp.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.config.gcp.GcpOrganizationIamPolicyConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class OrganizationIamPolicyWatcherTest extends GcpWatcherTestSupport {

    private final OrganizationIamPolicyWatcher watcher = new OrganizationIamPolicyWatcher();

    @Test
    void readsTheOrganisationsPolicyAndDomainAlsoThroughAFolder() {
        GcpOrganizationIamPolicyConfig org = configs(watcher).get(GcpTestOrg.DOMAIN);
        assertThat(org.organizationId()).isEqualTo(GcpTestOrg.ORG);
        assertThat(org.displayName()).isEqualTo(GcpTestOrg.DOMAIN);
        assertThat(org.policy().bindings()).anySatisfy(b -> {
            assertThat(b.role()).isEqualTo("roles/editor");
            assertThat(b.members()).contains("allUsers");
        });
        assertThat(org.policy().auditConfigs()).extracting(GcpIamPolicy.AuditConfig::service).containsExactly("allServices");
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).singleElement().extracting(Observation::resourceId)
                    .isEqualTo("//cloudresourcemanager.googleapis.com/organizations/" + GcpTestOrg.ORG);
        }
    }

    @Test
    void aDeniedOrganisationIsUnreadableNotFailedOrDeleted() {
        server.fail("POST", "/v3/organizations/.*:getIamPolicy", 403, 1);
        assertThat(observe(watcher)).singleElement().isInstanceOfSatisfying(Observation.Unreadable.class, u -> {
            assertThat(u.category()).isEqualTo(ErrorCategory.DENIED);
            assertThat(u.resourceId()).isEqualTo("//cloudresourcemanager.googleapis.com/organizations/" + GcpTestOrg.ORG);
        });
    }
}
