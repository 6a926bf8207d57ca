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

class S3BucketPublicAclCheckTest {

    private final S3BucketPublicAclCheck check = new S3BucketPublicAclCheck();

    private static S3BucketConfig bucket(String grants, String pab) {
        return Configs.parse(S3BucketConfig.class, "{'name':'b','region':'us-east-1','aclGrants':[" + grants + "],"
                + "'publicAccessBlock':" + pab + ",'encryption':[],'tags':{}}");
    }

    private static final String ALL_USERS_READ =
            "{'granteeType':'Group','grantee':'http://acs.amazonaws.com/groups/global/AllUsers','permission':'READ'}";
    private static final String OWNER_FULL = "{'granteeType':'CanonicalUser','grantee':'abc','permission':'FULL_CONTROL'}";

    @Test
    void aPublicReadGrantIsReported() {
        var evidence = check.evaluate(bucket(OWNER_FULL + "," + ALL_USERS_READ, "null"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("grant:AllUsers:READ");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
    }

    @Test
    void aPrivateAclPasses() {
        assertThat(check.evaluate(bucket(OWNER_FULL, "null"), new TestContext())).isEmpty();
    }

    @Test
    void blockPublicAccessIgnoringAclsNeutralisesTheGrant() {
        String ignore = "{'ignorePublicAcls':true}";
        assertThat(check.evaluate(bucket(ALL_USERS_READ, ignore), new TestContext())).isEmpty();
        TestContext accountWide = new TestContext().with("aws.s3.account-public-access-block", "global", "account",
                new S3AccountPublicAccessBlockConfig(TestContext.OWNER, new PublicAccessBlock(true, true, true, true)));
        assertThat(check.evaluate(bucket(ALL_USERS_READ, "null"), accountWide)).isEmpty();
    }
}
