package io.watchkeeper.auditors.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class RdsInstanceAutoMinorUpgradeOffCheckTest {

    private final RdsInstanceAutoMinorUpgradeOffCheck check = new RdsInstanceAutoMinorUpgradeOffCheck();

    private static RdsInstanceConfig db(String fields) {
        return Configs.parse(RdsInstanceConfig.class, "{'dbInstanceIdentifier':'db'," + fields + "}");
    }

    @Test
    void reported() {
        var evidence = check.evaluate(db("'autoMinorVersionUpgrade':false"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("auto-minor-version-upgrade");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void notReported() {
        for (String fields : new String[] {"'autoMinorVersionUpgrade':true", "'engine':'mysql'"}) {
            assertThat(check.evaluate(db(fields), new TestContext())).as(fields).isEmpty();
        }
    }
}
