package io.watchkeeper.auditors.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class S3BucketAclUnknownGranteeCheckTest {

    private final S3BucketAclUnknownGranteeCheck check = new S3BucketAclUnknownGranteeCheck();

    private static S3BucketConfig bucket(String owner, String grants) {
        return Configs.parse(S3BucketConfig.class, "{'name':'b','aclOwner':" + owner + ",'aclGrants':[" + grants + "],'tags':{}}");
    }

    private static final String OWNER_FULL = "{'granteeType':'CanonicalUser','grantee':'abc','permission':'FULL_CONTROL'}";
    private static final String LOG_DELIVERY = "{'granteeType':'Group','grantee':'http://acs.amazonaws.com/groups/s3/LogDelivery',"
            + "'permission':'WRITE'}";

    @Test
    void anotherCanonicalUserOrAnEmailGranteeIsReported() {
        var evidence = check.evaluate(bucket("'abc'", OWNER_FULL + ",{'granteeType':'CanonicalUser','grantee':'def','permission':'READ'},"
                + "{'granteeType':'AmazonCustomerByEmail','grantee':'x@example.com','permission':'WRITE'}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("grant:def:READ", "grant:x@example.com:WRITE");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.UNKNOWN_ACCOUNT);
    }

    @Test
    void theOwnerAndLogDeliveryAreFineAndOddInputIsNoProblem() {
        assertThat(check.evaluate(bucket("'abc'", OWNER_FULL + "," + LOG_DELIVERY), new TestContext())).isEmpty();
        assertThat(check.evaluate(bucket("null", "{'granteeType':'CanonicalUser','permission':'READ'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(S3BucketConfig.class, "{'name':'b'}"), new TestContext())).isEmpty();
    }
}
