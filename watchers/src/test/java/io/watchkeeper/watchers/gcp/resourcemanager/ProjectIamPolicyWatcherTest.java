package io.watchkeeper.watchers.gcp.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectIamPolicyWatcherTest extends GcpWatcherTestSupport {

    private final ProjectIamPolicyWatcher watcher = new ProjectIamPolicyWatcher();

    @Test
    void readsBindingsSortedAndAuditConfigsAskingForVersionThree() {
        GcpIamPolicy policy = configs(watcher).get(GcpTestOrg.PROJECT).policy();
        assertThat(policy.bindings()).extracting(GcpIamPolicy.Binding::role)
                .containsExactly("roles/automl.admin", "roles/billing.projectManager", "roles/owner");
        assertThat(policy.bindings().get(2).members()).containsExactly("user:alex.karpitski@gmail.com");
        assertThat(policy.auditConfigs()).singleElement().satisfies(a -> {
            assertThat(a.service()).isEqualTo("cloudtasks.googleapis.com");
            assertThat(a.auditLogConfigs()).extracting(GcpIamPolicy.AuditLogConfig::logType)
                    .containsExactly("ADMIN_READ", "DATA_READ", "DATA_WRITE");
        });
        assertThat(server.requests()).filteredOn(r -> r.path().endsWith(":getIamPolicy")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"requestedPolicyVersion\":3"));
    }

    @Test
    void aPolicyWithoutAuditConfigsHasNone() {
        try (var dev = open(GcpTestOrg.DEV)) {
            GcpProjectIamPolicyConfig c = configs(watcher, dev).get(GcpTestOrg.DEV);
            assertThat(c.policy().auditConfigs()).isEmpty();
            assertThat(c.policy().bindings()).containsExactly(
                    new GcpIamPolicy.Binding("roles/editor", List.of("user:dev@custodian.com"), null));
        }
    }
}
