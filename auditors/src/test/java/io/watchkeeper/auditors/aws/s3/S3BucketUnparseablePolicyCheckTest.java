package io.watchkeeper.auditors.aws.s3;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.UnparseablePolicyCheckContract;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.PolicyDocument;

class S3BucketUnparseablePolicyCheckTest extends UnparseablePolicyCheckContract<S3BucketConfig> {

    private static final String CONFIG = "{'name':'b','region':'us-east-1','aclOwner':'ownercanonical','aclGrants':[],"
            + "'encryption':[],'tags':{}}";

    @Override
    protected Check<S3BucketConfig> check() {
        return ResourcePolicyChecks.get("aws.s3.bucket/unparseable-policy");
    }

    @Override
    protected S3BucketConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(S3BucketConfig.class, CONFIG, policy);
    }
}
