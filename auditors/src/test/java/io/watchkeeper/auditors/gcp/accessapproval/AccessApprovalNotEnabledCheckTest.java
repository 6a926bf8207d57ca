package io.watchkeeper.auditors.gcp.accessapproval;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpAccessApprovalConfig;
import org.junit.jupiter.api.Test;

class AccessApprovalNotEnabledCheckTest {

    private final AccessApprovalNotEnabledCheck check = new AccessApprovalNotEnabledCheck();

    private static GcpAccessApprovalConfig settings(String json) {
        return Configs.lenient(GcpAccessApprovalConfig.class, json);
    }

    @Test
    void nothingEnrolledIsReportedEvenWithNotificationEmails() {
        assertThat(check.evaluate(settings("{}"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(settings("{'enrolledServices':[],'enrolledAncestor':false,"
                + "'notificationEmails':['sec@x.com']}"), new TestContext())).hasSize(1);
    }

    @Test
    void enrolmentHereOrAboveTheProjectPasses() {
        assertThat(check.evaluate(settings("{'enrolledServices':[{'cloudProduct':'all','enrollmentLevel':'BLOCK_ALL'}]}"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(settings("{'enrolledServices':[],'enrolledAncestor':true}"), new TestContext())).isEmpty();
    }
}
