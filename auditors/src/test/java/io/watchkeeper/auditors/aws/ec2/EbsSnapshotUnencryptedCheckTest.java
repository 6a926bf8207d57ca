package io.watchkeeper.auditors.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.EbsSnapshotConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class EbsSnapshotUnencryptedCheckTest {

    private final EbsSnapshotUnencryptedCheck check = new EbsSnapshotUnencryptedCheck();

    @Test
    void unencryptedSnapshot() {
        var evidence = check.evaluate(Configs.parse(EbsSnapshotConfig.class, "{'snapshotId':'snap-1','encrypted':false}"),
                new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("encryption");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void encryptedOrUnreportedIsFine() {
        assertThat(check.evaluate(Configs.parse(EbsSnapshotConfig.class, "{'snapshotId':'snap-1','encrypted':true}"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(EbsSnapshotConfig.class, "{}"), new TestContext())).isEmpty();
    }
}
