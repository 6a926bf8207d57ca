package io.watchkeeper.auditors.aws.kms;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.aws;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.PublicPolicyCheckContract;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class KmsKeyPublicPolicyCheckTest extends PublicPolicyCheckContract<KmsKeyConfig> {

    private static final String CONFIG = "{'keyId':'k1','arn':'arn:aws:kms:us-east-1:111111111111:key/k1',"
            + "'keyState':'Enabled','keySpec':'SYMMETRIC_DEFAULT','origin':'AWS_KMS',"
            + "'rotationEnabled':true,'aliases':[],'tags':{}}";

    @Override
    protected Check<KmsKeyConfig> check() {
        return ResourcePolicyChecks.get("aws.kms.key/public-policy");
    }

    @Override
    protected KmsKeyConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(KmsKeyConfig.class, CONFIG, policy);
    }

    @Test
    void theDefaultKeyPolicyAndAccountPinnedServiceAccessAreNotPublic() {
        assertThat(evaluate(policy(allow("Enable IAM User Permissions", aws("arn:aws:iam::111111111111:root")),
                "{'Sid':'EBS','Effect':'Allow','Principal':{'AWS':'*'},'Action':['kms:Decrypt','kms:CreateGrant'],"
                        + "'Resource':'*','Condition':{'StringEquals':{'kms:CallerAccount':'111111111111',"
                        + "'kms:ViaService':'ec2.us-east-1.amazonaws.com'}}}"))).isEmpty();
    }
}
