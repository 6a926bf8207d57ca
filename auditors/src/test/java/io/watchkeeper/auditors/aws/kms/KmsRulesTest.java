package io.watchkeeper.auditors.aws.kms;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.RuleCase;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.EbsVolumeConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SecretsManagerSecretConfig;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** KMS keys disabled or scheduled for deletion while watched resources encrypt with them. */
public class KmsRulesTest {

    private static final String ARN = "arn:aws:kms:us-east-1:111111111111:key/1234abcd";

    private static String key(String state) {
        return "{'keyId':'1234abcd','arn':'" + ARN + "','keyState':'" + state + "','aliases':['alias/app'],"
                + "'deletionDate':'2030-01-01T00:00:00Z'}";
    }

    /** A volume naming the key by ARN, a secret by alias ARN, a bucket by another key. */
    private static final Consumer<TestContext> USERS = c -> c
            .with("aws.ec2.volume", "us-east-1", "vol-1", Configs.parse(EbsVolumeConfig.class,
                    "{'volumeId':'vol-1','encrypted':true,'kmsKeyId':'" + ARN + "'}"))
            .with("aws.secretsmanager.secret", "us-east-1", "db", Configs.parse(SecretsManagerSecretConfig.class,
                    "{'name':'db','kmsKeyId':'arn:aws:kms:us-east-1:111111111111:alias/app'}"))
            .with("aws.s3.bucket", "us-east-1", "logs", Configs.parse(S3BucketConfig.class,
                    "{'name':'logs','encryption':[{'algorithm':'aws:kms','kmsKeyId':'arn:aws:kms:us-east-1:111111111111:"
                            + "key/1234abcd-other'}]}"));

    private static final Consumer<TestContext> UNRELATED = c -> c
            .with("aws.ec2.volume", "us-east-1", "vol-2", Configs.parse(EbsVolumeConfig.class,
                    "{'volumeId':'vol-2','encrypted':true,'kmsKeyId':'arn:aws:kms:us-east-1:111111111111:key/other'}"));

    public static final List<RuleCase> CASES = List.of(
            fails("aws.kms.key/pending-deletion-in-use", key("PendingDeletion"), "state:PendingDeletion").with(USERS),
            passes("aws.kms.key/pending-deletion-in-use", key("PendingDeletion"), "nothing uses the key").with(UNRELATED),
            passes("aws.kms.key/pending-deletion-in-use", key("Enabled"), "enabled and used").with(USERS),
            fails("aws.kms.key/disabled-in-use", key("Disabled"), "state:Disabled").with(USERS),
            passes("aws.kms.key/disabled-in-use", key("Disabled"), "disabled and unused").with(UNRELATED),
            passes("aws.kms.key/disabled-in-use", key("PendingDeletion"), "pending deletion is the other check's")
                    .with(USERS));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    @Test
    void theEvidenceNamesTheResourcesThatWouldBreakAndNotTheLookAlikeKey() {
        var evidence = CASES.getFirst().run().getFirst();
        assertThat(evidence.details().get("usedBy").toString()).contains("aws.ec2.volume vol-1",
                "aws.secretsmanager.secret db").doesNotContain("logs");
    }
}
