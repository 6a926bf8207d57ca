package io.watchkeeper.auditors.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class Ec2InstanceImdsv1AllowedCheckTest {

    private final Ec2InstanceImdsv1AllowedCheck check = new Ec2InstanceImdsv1AllowedCheck();

    private static Ec2InstanceConfig instance(boolean publicIp, String metadata) {
        return Configs.parse(Ec2InstanceConfig.class, "{'instanceId':'i-1','state':'running','hasPublicIp':" + publicIp
                + ",'metadataOptions':" + metadata + "}");
    }

    @Test
    void optionalTokensOnAPublicInstanceAreInternetExposed() {
        var evidence = check.evaluate(instance(true, "{'httpTokens':'optional','httpEndpoint':'enabled'}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("imds");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(evidence.getFirst().details().get("httpTokens").asString()).isEqualTo("optional");
    }

    @Test
    void optionalTokensOnAPrivateInstanceAreInternal() {
        assertThat(check.evaluate(instance(false, "{'httpTokens':'optional','httpEndpoint':'enabled'}"), new TestContext()))
                .singleElement().extracting(Evidence::exposure).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void imdsV2RequiredOrEndpointDisabledOrUnreportedIsFine() {
        assertThat(check.evaluate(instance(true, "{'httpTokens':'required','httpEndpoint':'enabled'}"), new TestContext()))
                .isEmpty();
        assertThat(check.evaluate(instance(true, "{'httpTokens':'optional','httpEndpoint':'disabled'}"), new TestContext()))
                .isEmpty();
        assertThat(check.evaluate(instance(true, "null"), new TestContext())).isEmpty();
    }
}
