package io.watchkeeper.auditors.aws.cloudtrail;

import io.watchkeeper.auditors.aws.ec2.OddInputs;
import org.junit.jupiter.api.Test;

class CloudTrailOddInputTest {

    @Test
    void noCheckThrowsOnOddInput() {
        OddInputs.assertNoCheckThrows("io.watchkeeper.auditors.aws.cloudtrail");
    }
}
