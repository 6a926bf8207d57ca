package io.watchkeeper.auditors.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class S3BucketVersioningOffCheckTest {

    private final S3BucketVersioningOffCheck check = new S3BucketVersioningOffCheck();

    @Test
    void suspendedOrNeverEnabledIsReported() {
        var evidence = check.evaluate(Configs.parse(S3BucketConfig.class, "{'name':'b','versioning':'Suspended'}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("versioning");
        assertThat(evidence.getFirst().details().get("versioning").asString()).isEqualTo("Suspended");
        assertThat(check.evaluate(Configs.parse(S3BucketConfig.class, "{'name':'b'}"), new TestContext())).hasSize(1);
    }

    @Test
    void enabledIsFine() {
        assertThat(check.evaluate(Configs.parse(S3BucketConfig.class, "{'name':'b','versioning':'Enabled'}"), new TestContext()))
                .isEmpty();
    }
}
