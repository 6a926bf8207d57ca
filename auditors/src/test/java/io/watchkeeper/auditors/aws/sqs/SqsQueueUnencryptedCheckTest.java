package io.watchkeeper.auditors.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class SqsQueueUnencryptedCheckTest {

    private final SqsQueueUnencryptedCheck check = new SqsQueueUnencryptedCheck();

    @Test
    void noKeyAndNoSqsManagedEncryptionIsReported() {
        assertThat(check.evaluate(Configs.parse(SqsQueueConfig.class, "{'arn':'q','sqsManagedSseEnabled':false}"),
                new TestContext())).extracting(Evidence::key).containsExactly("encryption");
        assertThat(check.evaluate(Configs.parse(SqsQueueConfig.class, "{'arn':'q','kmsMasterKeyId':' '}"), new TestContext()))
                .hasSize(1);
    }

    @Test
    void eitherKindOfEncryptionIsFine() {
        assertThat(check.evaluate(Configs.parse(SqsQueueConfig.class, "{'arn':'q','sqsManagedSseEnabled':true}"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(SqsQueueConfig.class, "{'arn':'q','kmsMasterKeyId':'alias/aws/sqs'}"),
                new TestContext())).isEmpty();
    }
}
