package io.watchkeeper.auditors.aws.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class CloudTrailTrailNotMultiRegionCheckTest {

    private final CloudTrailTrailNotMultiRegionCheck check = new CloudTrailTrailNotMultiRegionCheck();

    /** A healthy trail: multi-region, logging, validated, KMS-encrypted; {@code fields} override. */
    private static CloudTrailTrailConfig trail(String fields) {
        return Configs.parse(CloudTrailTrailConfig.class, "{'name':'main','homeRegion':'us-east-1','isMultiRegionTrail':true,"
                + "'isLogging':true,'logFileValidationEnabled':true,'kmsKeyId':'arn:aws:kms:us-east-1:111111111111:key/k'"
                + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    @Test
    void reported() {
        var evidence = check.evaluate(trail("'isMultiRegionTrail':false"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("multi-region");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }

    /** A regional trail next to a multi-region trail that logs management events is a choice (it was reported as 3.1). */
    @Test
    void aSingleRegionTrailNextToAGoodMultiRegionTrailIsNotReported() {
        CloudTrailTrailConfig regional = trail("'name':'regional','trailArn':'arn:aws:cloudtrail:us-east-1:111111111111:trail/regional',"
                + "'isMultiRegionTrail':false");
        CloudTrailTrailConfig main = trail("'trailArn':'arn:aws:cloudtrail:us-east-1:111111111111:trail/main'");
        TestContext context = new TestContext().with("aws.cloudtrail.trail", "us-east-1", "regional", regional)
                .with("aws.cloudtrail.trail", "us-east-1", "main", main);
        assertThat(check.evaluate(regional, context)).isEmpty();
        CloudTrailTrailConfig stopped = trail("'trailArn':'arn:aws:cloudtrail:us-east-1:111111111111:trail/main','isLogging':false");
        assertThat(check.evaluate(regional, new TestContext().with("aws.cloudtrail.trail", "us-east-1", "regional", regional)
                .with("aws.cloudtrail.trail", "us-east-1", "main", stopped))).as("the other trail is stopped").hasSize(1);
        assertThat(check.controls()).doesNotContain("CIS-AWS-3.0:3.1");
    }

    @Test
    void aHealthyMultiRegionLoggingTrailIsFine() {
        for (String fields : new String[] {"", "'isLogging':false,'kmsKeyId':null"}) {
            assertThat(check.evaluate(trail(fields), new TestContext())).as(fields).isEmpty();
        }
        assertThat(check.evaluate(Configs.parse(CloudTrailTrailConfig.class, "{'kmsKeyId':'k'}"), new TestContext())).isEmpty();
    }
}
