package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.aws.ec2.AmiPublicCheckTest.image;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.AmiConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class AmiSharedWithUnknownAccountCheckTest {

    private final AmiSharedWithUnknownAccountCheck check = new AmiSharedWithUnknownAccountCheck();

    private static final String UNKNOWN_ORG = "arn:aws:organizations::" + TestContext.UNKNOWN + ":organization/o-abc";

    @Test
    void sharesWithAnUnknownAccountOrOrganization() {
        var evidence = check.evaluate(image("{'userId':'" + TestContext.UNKNOWN + "'},{'organizationArn':'" + UNKNOWN_ORG
                + "'},{'userId':'" + TestContext.FRIENDLY + "'}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("share:" + TestContext.UNKNOWN, "share:" + UNKNOWN_ORG);
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.UNKNOWN_ACCOUNT);
    }

    @Test
    void friendlyThirdPartyOwnOrganizationAndPublicAreNotThisCheck() {
        assertThat(check.evaluate(image("{'userId':'" + TestContext.FRIENDLY + "'},{'userId':'" + TestContext.THIRD_PARTY
                + "'},{'organizationArn':'arn:aws:organizations::" + TestContext.OWNER + ":organization/o-own'},"
                + "{'group':'all'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(AmiConfig.class, "{}"), new TestContext())).isEmpty();
    }
}
