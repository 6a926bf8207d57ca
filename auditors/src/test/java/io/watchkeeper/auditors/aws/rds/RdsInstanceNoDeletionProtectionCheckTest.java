package io.watchkeeper.auditors.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class RdsInstanceNoDeletionProtectionCheckTest {

    private final RdsInstanceNoDeletionProtectionCheck check = new RdsInstanceNoDeletionProtectionCheck();

    private static RdsInstanceConfig db(String fields) {
        return Configs.parse(RdsInstanceConfig.class, "{'dbInstanceIdentifier':'db'," + fields + "}");
    }

    @Test
    void reported() {
        var evidence = check.evaluate(db("'engine':'postgres','deletionProtection':false"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("deletion-protection");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void notReported() {
        for (String fields : new String[] {"'deletionProtection':true", "'engine':'aurora-postgresql','deletionProtection':false", "'engine':'postgres'"}) {
            assertThat(check.evaluate(db(fields), new TestContext())).as(fields).isEmpty();
        }
    }
}
