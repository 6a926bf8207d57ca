package io.watchkeeper.auditors.aws.efs;

import static io.watchkeeper.auditors.rules.Facts.details;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.EfsFileSystemConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/**
 * EFS file systems: encryption at rest (CIS 2.4.1) and backups. Their file system policies are
 * checked with the other resource policies.
 */
@AutoService(CheckSet.class)
public final class EfsRules implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.efs.file-system/unencrypted", EfsFileSystemConfig.class, Severity.MEDIUM)
                        .title("EFS file system is not encrypted at rest")
                        .why("Its data and backups are readable without any KMS permission.")
                        .fix("Create an encrypted file system and copy the data (encryption cannot be turned on later).")
                        .cis("2.4.1")
                        .when(f -> Boolean.FALSE.equals(f.encrypted()), "encryption",
                                f -> "File system " + f.fileSystemId() + " is not encrypted", Exposure.INTERNAL,
                                f -> details("encrypted", false)),
                RuleCheck.of("aws.efs.file-system/backup-off", EfsFileSystemConfig.class, Severity.LOW)
                        .title("EFS file system has automatic backups off")
                        .why("Deleted or encrypted-by-ransomware files cannot be restored.")
                        .fix("Turn on automatic backups (aws efs put-backup-policy --backup-policy Status=ENABLED).")
                        .when(f -> Facts.is(f.backupPolicyStatus(), "DISABLED"), "backup",
                                f -> "File system " + f.fileSystemId() + " has no automatic backups", Exposure.INTERNAL,
                                f -> details("backupPolicyStatus", f.backupPolicyStatus())));
    }
}
