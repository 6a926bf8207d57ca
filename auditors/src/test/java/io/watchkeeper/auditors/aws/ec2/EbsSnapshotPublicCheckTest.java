package io.watchkeeper.auditors.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.EbsSnapshotConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class EbsSnapshotPublicCheckTest {

    private final EbsSnapshotPublicCheck check = new EbsSnapshotPublicCheck();

    static EbsSnapshotConfig snapshot(String permissions) {
        return Configs.parse(EbsSnapshotConfig.class, "{'snapshotId':'snap-1','encrypted':true,'createVolumePermissions':["
                + permissions + "]}");
    }

    @Test
    void groupAllMakesItPublic() {
        var evidence = check.evaluate(snapshot("{'group':'all'},{'userId':'" + TestContext.FRIENDLY + "'}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("share:all");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
    }

    @Test
    void accountSharesAndNoSharesAreNotPublic() {
        assertThat(check.evaluate(snapshot("{'userId':'" + TestContext.UNKNOWN + "'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(snapshot(""), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(EbsSnapshotConfig.class, "{}"), new TestContext())).isEmpty();
    }
}
