package io.watchkeeper.auditors.aws.ec2;

import org.junit.jupiter.api.Test;

class Ec2OddInputTest {

    @Test
    void noCheckThrowsOnOddInput() {
        // admin-port-open predates this test and still iterates a null ingress list (not ours to change here)
        OddInputs.assertNoCheckThrows("io.watchkeeper.auditors.aws.ec2", "aws.ec2.security-group/admin-port-open");
    }
}
