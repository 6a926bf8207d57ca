package io.watchkeeper.auditors.aws.ec2;

import org.junit.jupiter.api.Test;

class Ec2OddInputTest {

    @Test
    void noCheckThrowsOnOddInput() {
        OddInputs.assertNoCheckThrows("io.watchkeeper.auditors.aws.ec2");
    }
}
