package io.watchkeeper.auditors.aws.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class CloudTrailTrailNotLoggingCheckTest {

    private final CloudTrailTrailNotLoggingCheck check = new CloudTrailTrailNotLoggingCheck();

    /** A healthy trail: multi-region, logging, validated, KMS-encrypted; {@code fields} override. */
    private static CloudTrailTrailConfig trail(String fields) {
        return Configs.parse(CloudTrailTrailConfig.class, "{'name':'main','homeRegion':'us-east-1','isMultiRegionTrail':true,"
                + "'isLogging':true,'logFileValidationEnabled':true,'kmsKeyId':'arn:aws:kms:us-east-1:111111111111:key/k'"
                + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    @Test
    void reported() {
        var evidence = check.evaluate(trail("'isLogging':false"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("logging");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void aHealthyMultiRegionLoggingTrailIsFine() {
        for (String fields : new String[] {"", "'isMultiRegionTrail':false,'logFileValidationEnabled':false"}) {
            assertThat(check.evaluate(trail(fields), new TestContext())).as(fields).isEmpty();
        }
        assertThat(check.evaluate(Configs.parse(CloudTrailTrailConfig.class, "{'kmsKeyId':'k'}"), new TestContext())).isEmpty();
    }
}
