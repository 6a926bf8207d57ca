package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpOrganizationIamPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ProjectIamPolicyAuditLoggingCheckTest {

    private final ProjectIamPolicyAuditLoggingCheck check = new ProjectIamPolicyAuditLoggingCheck();
    private static final String ALL = "{'service':'allServices','auditLogConfigs':[{'logType':'ADMIN_READ'},{'logType':'DATA_READ'},"
            + "{'logType':'DATA_WRITE'}]}";

    private static GcpProjectIamPolicyConfig project(String auditConfigs) {
        return Configs.lenient(GcpProjectIamPolicyConfig.class, "{'projectId':'p','policy':{'auditConfigs':[" + auditConfigs + "]}}");
    }

    @Test
    void noAuditConfigOrOneForASingleServiceIsReported() {
        assertThat(check.evaluate(project(""), new TestContext())).extracting(Evidence::key).containsExactly("all-services");
        var storageOnly = ALL.replace("allServices", "storage.googleapis.com");
        assertThat(check.evaluate(project(storageOnly), new TestContext())).extracting(Evidence::message)
                .containsExactly("allServices audit logs missing: ADMIN_READ, DATA_READ, DATA_WRITE");
    }

    @Test
    void exemptedMembersAreReportedEvenWhenEveryTypeIsOn() {
        String exempt = ALL.replace("{'logType':'DATA_READ'}", "{'logType':'DATA_READ','exemptedMembers':['user:x@corp.com']}");
        assertThat(check.evaluate(project(exempt), new TestContext())).extracting(Evidence::key).containsExactly("exemptions");
    }

    @Test
    void allServicesOnTheProjectOrInheritedFromTheOrganisationPasses() {
        assertThat(check.evaluate(project(ALL), new TestContext())).isEmpty();
        TestContext org = new TestContext().with("gcp.organization.iam-policy", "global", "org",
                Configs.lenient(GcpOrganizationIamPolicyConfig.class, "{'organizationId':'1','policy':{'auditConfigs':[" + ALL + "]}}"));
        assertThat(check.evaluate(project(""), org)).isEmpty();
    }
}
