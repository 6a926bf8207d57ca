package io.watchkeeper.auditors.gcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class BucketUniformAccessOffCheckTest {

    private final BucketUniformAccessOffCheck check = new BucketUniformAccessOffCheck();

    @Test
    void offIsReportedOnIsNot() {
        assertThat(check.evaluate(BucketPublicCheckTest.bucket(",'uniformBucketLevelAccess':false"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(BucketPublicCheckTest.bucket(",'uniformBucketLevelAccess':true"), new TestContext())).isEmpty();
        assertThat(check.controls()).containsExactly("CIS-GCP-3.0:5.2");
    }
}
