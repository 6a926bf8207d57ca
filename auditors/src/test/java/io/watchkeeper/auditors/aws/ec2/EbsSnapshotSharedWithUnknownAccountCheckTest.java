package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.aws.ec2.EbsSnapshotPublicCheckTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.EbsSnapshotConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class EbsSnapshotSharedWithUnknownAccountCheckTest {

    private final EbsSnapshotSharedWithUnknownAccountCheck check = new EbsSnapshotSharedWithUnknownAccountCheck();

    @Test
    void shareWithAnUnknownAccount() {
        var evidence = check.evaluate(snapshot("{'userId':'" + TestContext.FRIENDLY + "'},{'userId':'"
                + TestContext.UNKNOWN + "'}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("share:" + TestContext.UNKNOWN);
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.UNKNOWN_ACCOUNT);
    }

    @Test
    void friendlyThirdPartyAndPublicSharesAreNotThisCheck() {
        assertThat(check.evaluate(snapshot("{'userId':'" + TestContext.FRIENDLY + "'},{'userId':'"
                + TestContext.THIRD_PARTY + "'},{'group':'all'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(EbsSnapshotConfig.class, "{}"), new TestContext())).isEmpty();
    }
}
