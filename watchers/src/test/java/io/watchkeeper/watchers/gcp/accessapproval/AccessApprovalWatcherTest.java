package io.watchkeeper.watchers.gcp.accessapproval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.gcp.GcpAccessApprovalConfig;
import io.watchkeeper.core.config.gcp.GcpAccessApprovalConfig.EnrolledService;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class AccessApprovalWatcherTest extends GcpWatcherTestSupport {

    private final AccessApprovalWatcher watcher = new AccessApprovalWatcher();

    @Test
    void readsTheProjectsEnrolment() {
        GcpAccessApprovalConfig settings = configs(watcher).get(GcpTestOrg.PROJECT);
        assertThat(settings.enrolledServices()).containsExactly(new EnrolledService("all", "BLOCK_ALL"));
        assertThat(settings.notificationEmails()).containsExactly("security@custodian.com");
        assertThat(settings.enrolledAncestor()).isFalse();
        assertThat(server.requests()).anyMatch(r -> r.path().equals("/v1/projects/cloud-custodian/accessApprovalSettings"));
    }

    @Test
    void settingsWithNothingEnrolledAndA404AreBothNotEnrolled() {
        try (var dev = open(GcpTestOrg.DEV); var empty = open(GcpTestOrg.EMPTY)) {
            GcpAccessApprovalConfig devSettings = configs(watcher, dev).get(GcpTestOrg.DEV);
            assertThat(devSettings.enrolledServices()).isEmpty();
            assertThat(devSettings.enrolledAncestor()).isFalse();
            // wk-empty never had settings: the API answers 404, which is "nothing enrolled", not a failure
            GcpAccessApprovalConfig none = configs(watcher, empty).get(GcpTestOrg.EMPTY);
            assertThat(none.enrolledServices()).isEmpty();
            assertThat(none.notificationEmails()).isEmpty();
        }
    }

    @Test
    void aDeniedReadFailsTheScope() {
        server.fail("GET", "/v1/projects/cloud-custodian/accessApprovalSettings", 403, 1);
        assertThatThrownBy(() -> observe(watcher)).hasMessageContaining("gcp.project.access-approval");
    }
}
