package io.watchkeeper.auditors.gcp.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import org.junit.jupiter.api.Test;

class ProjectOsLoginDisabledCheckTest {

    private final ProjectOsLoginDisabledCheck check = new ProjectOsLoginDisabledCheck();

    static GcpProjectConfig project(String extra) {
        return Configs.lenient(GcpProjectConfig.class, "{'projectId':'p','defaultServiceAccount':'1-compute@developer.gserviceaccount.com',"
                + "'metadataKeys':[]" + extra + "}");
    }

    @Test
    void unsetOrFalseOnAComputeProjectIsReported() {
        assertThat(check.evaluate(project(""), new TestContext())).hasSize(1);
        assertThat(check.evaluate(project(",'osLogin':'FALSE'"), new TestContext())).hasSize(1);
    }

    @Test
    void trueOrAProjectWithoutComputeIsNot() {
        assertThat(check.evaluate(project(",'osLogin':'TRUE'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.lenient(GcpProjectConfig.class, "{'projectId':'p'}"), new TestContext())).isEmpty();
    }
}
