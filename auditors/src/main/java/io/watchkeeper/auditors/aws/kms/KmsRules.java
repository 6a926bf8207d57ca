package io.watchkeeper.auditors.aws.kms;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.is;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/**
 * KMS keys that are scheduled for deletion or disabled while a watched resource still encrypts with
 * them ({@link KeyReferences}): deletion destroys that data for good, a disabled key makes it
 * unreadable now.
 */
@AutoService(CheckSet.class)
public final class KmsRules implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.kms.key/pending-deletion-in-use", KmsKeyConfig.class, Severity.HIGH)
                        .title("KMS key scheduled for deletion is still used")
                        .why("When the waiting period ends the key is gone, and everything encrypted with it (volumes,"
                                + " buckets, databases, secrets, logs) cannot be decrypted by anyone, ever.")
                        .fix("Cancel the deletion (aws kms cancel-key-deletion) until the resources named here are"
                                + " re-encrypted with another key.")
                        .dependsOn(KeyReferences.TYPES)
                        .evaluate((k, ctx) -> inUse(k, ctx, "PendingDeletion", "is scheduled for deletion on "
                                + k.deletionDate() + " and encrypts ")),
                RuleCheck.of("aws.kms.key/disabled-in-use", KmsKeyConfig.class, Severity.MEDIUM)
                        .title("Disabled KMS key is still used")
                        .why("Data encrypted with a disabled key cannot be read or written: the resources named here are"
                                + " broken, or the key was disabled by someone who wants them to be.")
                        .fix("Enable the key (aws kms enable-key) or re-encrypt the resources with another key.")
                        .dependsOn(KeyReferences.TYPES)
                        .evaluate((k, ctx) -> inUse(k, ctx, "Disabled", "is disabled and encrypts ")));
    }

    private static List<Evidence> inUse(KmsKeyConfig key, AuditContext context, String state, String what) {
        if (!is(key.keyState(), state)) {
            return List.of();
        }
        List<String> users = KeyReferences.of(key, context);
        if (users.isEmpty()) {
            return List.of();
        }
        return List.of(Evidence.of("state:" + state, Facts.line("Key " + key.keyId() + " " + what + String.join(", ", users)),
                Exposure.INTERNAL, details("keyState", key.keyState(), "usedBy", users)));
    }
}
