package io.watchkeeper.auditors.aws.kms;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.UnknownAccountPolicyCheckContract;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.PolicyDocument;

class KmsKeyUnknownAccountPolicyCheckTest extends UnknownAccountPolicyCheckContract<KmsKeyConfig> {

    private static final String CONFIG = "{'keyId':'k1','arn':'arn:aws:kms:us-east-1:111111111111:key/k1',"
            + "'keyState':'Enabled','keySpec':'SYMMETRIC_DEFAULT','origin':'AWS_KMS',"
            + "'rotationEnabled':true,'aliases':[],'tags':{}}";

    @Override
    protected Check<KmsKeyConfig> check() {
        return ResourcePolicyChecks.get("aws.kms.key/unknown-account-policy");
    }

    @Override
    protected KmsKeyConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(KmsKeyConfig.class, CONFIG, policy);
    }
}
