package io.watchkeeper.auditors.aws.efs;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;

import io.watchkeeper.auditors.testing.RuleCase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** EFS encryption (CIS 2.4.1) and backups. */
public class EfsRulesTest {

    public static final List<RuleCase> CASES = List.of(
            fails("aws.efs.file-system/unencrypted", "{'fileSystemId':'fs-1','encrypted':false}", "encryption"),
            passes("aws.efs.file-system/unencrypted", "{'fileSystemId':'fs-1','encrypted':true}", "encrypted"),
            fails("aws.efs.file-system/backup-off", "{'fileSystemId':'fs-1','backupPolicyStatus':'DISABLED'}", "backup"),
            passes("aws.efs.file-system/backup-off", "{'fileSystemId':'fs-1','backupPolicyStatus':'ENABLED'}", "on"),
            passes("aws.efs.file-system/backup-off", "{'fileSystemId':'fs-1'}", "unknown"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }
}
