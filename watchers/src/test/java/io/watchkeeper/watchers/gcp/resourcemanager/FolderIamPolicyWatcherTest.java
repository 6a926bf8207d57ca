package io.watchkeeper.watchers.gcp.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpFolderIamPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class FolderIamPolicyWatcherTest extends GcpWatcherTestSupport {

    private final FolderIamPolicyWatcher watcher = new FolderIamPolicyWatcher();

    @Test
    void readsThePolicyAndAuditConfigsOfTheFoldersAboveTheProject() {
        try (var dev = open(GcpTestOrg.DEV)) {
            var configs = configs(watcher, dev);
            assertThat(configs).containsOnlyKeys("dev");
            GcpFolderIamPolicyConfig folder = configs.get("dev");
            assertThat(folder.folderId()).isEqualTo(GcpTestOrg.FOLDER);
            assertThat(folder.parent()).isEqualTo("organizations/" + GcpTestOrg.ORG);
            assertThat(folder.policy().auditConfigs()).singleElement().satisfies(ac -> {
                assertThat(ac.service()).isEqualTo("allServices");
                assertThat(ac.auditLogConfigs()).extracting(GcpIamPolicy.AuditLogConfig::logType).containsExactly("DATA_READ");
            });
            assertThat(folder.policy().bindings()).singleElement().satisfies(b -> assertThat(b.members()).contains("group:devs@custodian.com"));
            assertThat(observe(watcher, dev)).singleElement().extracting(Observation::resourceId)
                    .isEqualTo("//cloudresourcemanager.googleapis.com/folders/" + GcpTestOrg.FOLDER);
        }
    }

    @Test
    void aProjectDirectlyUnderTheOrganisationHasNoFolders() {
        assertThat(observe(watcher)).isEmpty();
    }

    @Test
    void aDeniedFolderPolicyIsUnreadableNotFailedOrDeleted() {
        server.fail("POST", "/v3/folders/.*:getIamPolicy", 403, 1);
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).singleElement().isInstanceOfSatisfying(Observation.Unreadable.class, u -> {
                assertThat(u.category()).isEqualTo(ErrorCategory.DENIED);
                assertThat(u.resourceId()).isEqualTo("//cloudresourcemanager.googleapis.com/folders/" + GcpTestOrg.FOLDER);
            });
        }
    }
}
