package io.watchkeeper.auditors.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3AccountPublicAccessBlockConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class S3BucketBlockPublicAccessOffCheckTest {

    private final S3BucketBlockPublicAccessOffCheck check = new S3BucketBlockPublicAccessOffCheck();

    private static S3BucketConfig bucket(String pab) {
        return Configs.parse(S3BucketConfig.class, "{'name':'b','publicAccessBlock':" + pab + ",'tags':{}}");
    }

    private static TestContext account(PublicAccessBlock settings) {
        return new TestContext().with("aws.s3.account-public-access-block", "global", "account",
                new S3AccountPublicAccessBlockConfig(TestContext.OWNER, settings));
    }

    @Test
    void noBlockPublicAccessAnywhereIsReported() {
        var evidence = check.evaluate(bucket("null"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("block-public-access");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
        assertThat(check.evaluate(bucket("{'blockPublicAcls':true,'ignorePublicAcls':true,'blockPublicPolicy':true}"),
                account(null))).hasSize(1);
    }

    @Test
    void allFourOnTheBucketOrTheAccountOrTogetherIsFine() {
        String all = "{'blockPublicAcls':true,'ignorePublicAcls':true,'blockPublicPolicy':true,'restrictPublicBuckets':true}";
        assertThat(check.evaluate(bucket(all), new TestContext())).isEmpty();
        assertThat(check.evaluate(bucket("null"), account(new PublicAccessBlock(true, true, true, true)))).isEmpty();
        assertThat(check.evaluate(bucket("{'blockPublicAcls':true,'ignorePublicAcls':true}"),
                account(new PublicAccessBlock(false, null, true, true)))).isEmpty();
    }
}
