package io.watchkeeper.auditors.aws.s3;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketInsecureTransportCheckTest {

    private final S3BucketInsecureTransportCheck check = new S3BucketInsecureTransportCheck();

    private static String denyHttp(String principal, String action, String resource, String value) {
        return "{'Sid':'TLS','Effect':'Deny','Principal':" + principal + ",'Action':'" + action + "','Resource':" + resource
                + ",'Condition':{'Bool':{'aws:SecureTransport':" + value + "}}}";
    }

    private List<Evidence> evaluate(PolicyDocument policy) {
        return check.evaluate(PolicyFixtures.withPolicy(S3BucketConfig.class, "{'name':'b'}", policy), new TestContext());
    }

    @Test
    void noPolicyOrNoDenyOnPlainHttpIsReported() {
        assertThat(evaluate(null)).extracting(Evidence::key).containsExactly("secure-transport");
        assertThat(evaluate(policy(allow("Owner", "{'AWS':'111111111111'}")))).hasSize(1);
        assertThat(evaluate(policy(denyHttp("'*'", "s3:*", "'arn:aws:s3:::other/*'", "'false'")))).as("other bucket").hasSize(1);
        assertThat(evaluate(policy(denyHttp("'*'", "s3:*", "'arn:aws:s3:::b/*'", "'true'")))).as("wrong value").hasSize(1);
        assertThat(evaluate(policy(denyHttp("'*'", "s3:*", "'arn:aws:s3:::b/*'", "'false'").replace("Deny", "Allow"))))
                .as("Allow is no Deny").hasSize(1);
        assertThat(evaluate(policy(denyHttp("{'AWS':'arn:aws:iam::111111111111:role/x'}", "s3:*", "'arn:aws:s3:::b/*'",
                "'false'")))).as("one principal only").hasSize(1);
    }

    @Test
    void aDenyOnSecureTransportFalseCoveringTheBucketIsFine() {
        assertThat(evaluate(policy(denyHttp("'*'", "s3:*", "['arn:aws:s3:::b','arn:aws:s3:::b/*']", "'false'")))).isEmpty();
        assertThat(evaluate(policy(denyHttp("{'AWS':'*'}", "*", "'arn:aws:s3:::b/*'", "false")))).isEmpty();
        assertThat(evaluate(policy(denyHttp("'*'", "s3:*", "'arn:aws:s3:::b*'", "['false']")))).isEmpty();
    }

    @Test
    void anUnreadablePolicyIsLeftToTheUnparseableCheck() {
        assertThat(evaluate(PolicyFixtures.raw("not json"))).isEmpty();
    }
}
