package io.watchkeeper.auditors.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class S3BucketMfaDeleteOffCheckTest {

    private final S3BucketMfaDeleteOffCheck check = new S3BucketMfaDeleteOffCheck();

    private static S3BucketConfig bucket(String versioning, String mfaDelete) {
        return Configs.parse(S3BucketConfig.class, "{'name':'b','versioning':" + versioning + ",'mfaDelete':" + mfaDelete + "}");
    }

    @Test
    void aVersionedBucketWithoutMfaDeleteIsReported() {
        assertThat(check.evaluate(bucket("'Enabled'", "'Disabled'"), new TestContext())).extracting(Evidence::key)
                .containsExactly("mfa-delete");
        assertThat(check.evaluate(bucket("'Enabled'", "null"), new TestContext())).hasSize(1);
    }

    @Test
    void mfaDeleteOnOrNoVersioningIsNotThisChecksBusiness() {
        assertThat(check.evaluate(bucket("'Enabled'", "'Enabled'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(bucket("'Suspended'", "'Disabled'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(bucket("null", "null"), new TestContext())).isEmpty();
    }
}
