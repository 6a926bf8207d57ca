package io.watchkeeper.auditors.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3AccountPublicAccessBlockConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class S3AccountPublicAccessBlockNotEnabledCheckTest {

    private final S3AccountPublicAccessBlockNotEnabledCheck check = new S3AccountPublicAccessBlockNotEnabledCheck();

    @Test
    void missingOrPartialSettingsAreReported() {
        assertThat(check.evaluate(new S3AccountPublicAccessBlockConfig(TestContext.OWNER, null), new TestContext()))
                .extracting(Evidence::key).containsExactly("block-public-access");
        assertThat(check.evaluate(new S3AccountPublicAccessBlockConfig(TestContext.OWNER,
                new PublicAccessBlock(true, true, true, null)), new TestContext())).hasSize(1);
    }

    @Test
    void allFourOnIsFine() {
        assertThat(check.evaluate(new S3AccountPublicAccessBlockConfig(TestContext.OWNER,
                new PublicAccessBlock(true, true, true, true)), new TestContext())).isEmpty();
    }
}
