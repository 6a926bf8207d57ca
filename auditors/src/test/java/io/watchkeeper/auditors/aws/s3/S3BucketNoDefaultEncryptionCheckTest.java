package io.watchkeeper.auditors.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class S3BucketNoDefaultEncryptionCheckTest {

    private final S3BucketNoDefaultEncryptionCheck check = new S3BucketNoDefaultEncryptionCheck();

    @Test
    void noRulesIsReported() {
        assertThat(check.evaluate(Configs.parse(S3BucketConfig.class, "{'name':'b','encryption':[]}"), new TestContext()))
                .extracting(Evidence::key).containsExactly("encryption");
        assertThat(check.evaluate(Configs.parse(S3BucketConfig.class, "{'name':'b'}"), new TestContext())).hasSize(1);
    }

    @Test
    void aRuleIsFine() {
        assertThat(check.evaluate(Configs.parse(S3BucketConfig.class,
                "{'name':'b','encryption':[{'algorithm':'aws:kms','kmsKeyId':'k','bucketKeyEnabled':true}]}"),
                new TestContext())).isEmpty();
    }
}
