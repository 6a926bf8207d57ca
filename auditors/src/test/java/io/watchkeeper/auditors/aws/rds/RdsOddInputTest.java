package io.watchkeeper.auditors.aws.rds;

import io.watchkeeper.auditors.aws.ec2.OddInputs;
import org.junit.jupiter.api.Test;

class RdsOddInputTest {

    @Test
    void noCheckThrowsOnOddInput() {
        OddInputs.assertNoCheckThrows("io.watchkeeper.auditors.aws.rds");
    }
}
