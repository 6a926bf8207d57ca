package io.watchkeeper.auditors.aws.s3;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.PublicPolicyCheckContract;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3AccountPublicAccessBlockConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class S3BucketPublicPolicyCheckTest extends PublicPolicyCheckContract<S3BucketConfig> {

    static final String BUCKET = "{'name':'b','region':'us-east-1','aclOwner':'ownercanonical','aclGrants':[],"
            + "'encryption':[],'tags':{}}";

    @Override
    protected Check<S3BucketConfig> check() {
        return ResourcePolicyChecks.get("aws.s3.bucket/public-policy");
    }

    @Override
    protected S3BucketConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(S3BucketConfig.class, BUCKET, policy);
    }

    private static final PolicyDocument PUBLIC_READ = policy("{'Sid':'PublicRead','Effect':'Allow','Principal':'*',"
            + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}");

    @Test
    void restrictPublicBucketsOnTheBucketNeutralisesAPublicPolicy() {
        S3BucketConfig restricted = PolicyFixtures.withPolicy(S3BucketConfig.class,
                BUCKET.replace("'tags'", "'publicAccessBlock':{'restrictPublicBuckets':true},'tags'"), PUBLIC_READ);
        assertThat(check().evaluate(restricted, new TestContext())).isEmpty();
    }

    @Test
    void restrictPublicBucketsOnTheAccountNeutralisesAPublicPolicy() {
        TestContext account = new TestContext().with("aws.s3.account-public-access-block", "global", "account",
                new S3AccountPublicAccessBlockConfig(TestContext.OWNER, new PublicAccessBlock(false, false, false, true)));
        assertThat(check().evaluate(withPolicy(PUBLIC_READ), account)).isEmpty();
    }

    @Test
    void blockPublicPolicyAloneDoesNotHideAnExistingPublicPolicy() {
        TestContext account = new TestContext().with("aws.s3.account-public-access-block", "global", "account",
                new S3AccountPublicAccessBlockConfig(TestContext.OWNER, new PublicAccessBlock(true, true, true, false)));
        assertThat(check().evaluate(withPolicy(PUBLIC_READ), account)).extracting(Evidence::key)
                .containsExactly("sid:PublicRead:*");
        assertThat(check().dependsOn()).extracting(Object::toString).containsExactly("aws.s3.account-public-access-block");
    }

    @Test
    void aCloudFrontOriginAccessControlIsNotPublic() {
        assertThat(evaluate(policy(allow("OAC", "{'Service':'cloudfront.amazonaws.com'}",
                "{'StringEquals':{'AWS:SourceArn':'arn:aws:cloudfront::111111111111:distribution/E1'}}")))).isEmpty();
    }
}
