package io.watchkeeper.auditors.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class LambdaFunctionUrlWithoutAuthCheckTest {

    private final LambdaFunctionUrlWithoutAuthCheck check = new LambdaFunctionUrlWithoutAuthCheck();

    private static LambdaFunctionConfig function(String url) {
        return Configs.parse(LambdaFunctionConfig.class, "{'functionName':'f','functionUrl':" + url + "}");
    }

    @Test
    void aUrlWithoutAuthIsReported() {
        var evidence = check.evaluate(function("{'url':'https://abc.lambda-url.us-east-1.on.aws/','authType':'NONE',"
                + "'invokeMode':'BUFFERED','corsAllowOrigins':[]}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("function-url");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
    }

    @Test
    void iamAuthOrNoUrlIsFine() {
        assertThat(check.evaluate(function("{'url':'https://abc.lambda-url.us-east-1.on.aws/','authType':'AWS_IAM'}"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(function("null"), new TestContext())).isEmpty();
        assertThat(check.evaluate(function("{}"), new TestContext())).isEmpty();
    }
}
