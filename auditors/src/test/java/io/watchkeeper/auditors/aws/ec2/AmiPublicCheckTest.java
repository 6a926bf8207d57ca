package io.watchkeeper.auditors.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.AmiConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class AmiPublicCheckTest {

    private final AmiPublicCheck check = new AmiPublicCheck();

    static AmiConfig image(String permissions) {
        return Configs.parse(AmiConfig.class, "{'imageId':'ami-1','launchPermissions':[" + permissions + "]}");
    }

    @Test
    void groupAllOrThePublicFlagMakeItPublic() {
        var evidence = check.evaluate(image("{'group':'all'}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("share:all");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(check.evaluate(Configs.parse(AmiConfig.class, "{'imageId':'ami-1','publicImage':true}"), new TestContext()))
                .extracting(Evidence::key).containsExactly("share:all");
    }

    @Test
    void accountSharesAndPrivateImagesAreFine() {
        assertThat(check.evaluate(image("{'userId':'" + TestContext.UNKNOWN + "'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(AmiConfig.class, "{'publicImage':false}"), new TestContext())).isEmpty();
    }
}
