package io.watchkeeper.auditors.gcp.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class ProjectCloudAssetInventoryDisabledCheckTest {

    private final ProjectCloudAssetInventoryDisabledCheck check = new ProjectCloudAssetInventoryDisabledCheck();

    @Test
    void missingFromTheEnabledServicesIsReported() {
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(",'enabledServices':['compute.googleapis.com',"
                + "'cloudassets.googleapis.com']"), new TestContext())).hasSize(1);
    }

    @Test
    void enabledOrUnknownIsNot() {
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(",'enabledServices':['cloudasset.googleapis.com']"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(""), new TestContext())).isEmpty();
    }
}
