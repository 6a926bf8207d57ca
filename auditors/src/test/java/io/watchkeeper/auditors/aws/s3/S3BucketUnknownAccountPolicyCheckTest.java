package io.watchkeeper.auditors.aws.s3;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.aws;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.UnknownAccountPolicyCheckContract;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class S3BucketUnknownAccountPolicyCheckTest extends UnknownAccountPolicyCheckContract<S3BucketConfig> {

    @Override
    protected Check<S3BucketConfig> check() {
        return ResourcePolicyChecks.get("aws.s3.bucket/unknown-account-policy");
    }

    @Override
    protected S3BucketConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(S3BucketConfig.class, S3BucketPublicPolicyCheckTest.BUCKET, policy);
    }

    @Test
    void theOwnersCanonicalIdAndCloudFrontIdentitiesAreTheBucketsOwnButOtherCanonicalIdsAreNot() {
        assertThat(evaluate(policy(allow("Owner", "{'CanonicalUser':'ownercanonical'}"),
                allow("Oai", aws("arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL")),
                allow("Other", "{'CanonicalUser':'othercanonical'}"))))
                .extracting(Evidence::key).containsExactly("sid:Other:othercanonical");
    }

    @Test
    void restrictPublicBucketsCutsCrossAccountGrantsOfAPublicPolicy() {
        PolicyDocument mixed = policy(allow("Public", "'*'"), allow("Cross", aws(STRANGER)));
        S3BucketConfig restricted = PolicyFixtures.withPolicy(S3BucketConfig.class, S3BucketPublicPolicyCheckTest.BUCKET
                .replace("'tags'", "'publicAccessBlock':{'restrictPublicBuckets':true},'tags'"), mixed);
        assertThat(check().evaluate(restricted, new TestContext())).isEmpty();
        assertThat(evaluate(mixed)).extracting(Evidence::key).containsExactly("sid:Cross:" + STRANGER);
    }
}
