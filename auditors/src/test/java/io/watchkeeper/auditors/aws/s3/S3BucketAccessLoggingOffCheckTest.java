package io.watchkeeper.auditors.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class S3BucketAccessLoggingOffCheckTest {

    private final S3BucketAccessLoggingOffCheck check = new S3BucketAccessLoggingOffCheck();

    @Test
    void noLoggingIsReported() {
        assertThat(check.evaluate(Configs.parse(S3BucketConfig.class, "{'name':'b'}"), new TestContext()))
                .extracting(Evidence::key).containsExactly("logging");
        assertThat(check.evaluate(Configs.parse(S3BucketConfig.class, "{'name':'b','logging':{'targetPrefix':'x/'}}"),
                new TestContext())).hasSize(1);
    }

    @Test
    void loggingToABucketIsFine() {
        assertThat(check.evaluate(Configs.parse(S3BucketConfig.class,
                "{'name':'b','logging':{'targetBucket':'logs','targetPrefix':'b/'}}"), new TestContext())).isEmpty();
    }
}
