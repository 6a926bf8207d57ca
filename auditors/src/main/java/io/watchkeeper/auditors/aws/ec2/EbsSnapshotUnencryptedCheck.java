package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.EbsSnapshotConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;

/** The snapshot is not encrypted. */
@AutoService(Check.class)
public final class EbsSnapshotUnencryptedCheck implements Check<EbsSnapshotConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.snapshot/unencrypted"); }
    @Override public Class<EbsSnapshotConfig> configType() { return EbsSnapshotConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "EBS snapshot is not encrypted"; }
    @Override public String rationale() {
        return "An unencrypted snapshot can be shared (even made public) without a key policy standing in the "
                + "way, and its data is not protected by KMS access control and audit.";
    }
    @Override public String remediation() {
        return "Copy the snapshot with encryption on (copy-snapshot --encrypted), delete the original, and "
                + "enable EBS encryption by default in every region.";
    }
    /** No CIS control: CIS AWS 3.0 2.2.1 is the per-region EBS default-encryption setting, not snapshots. */
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(EbsSnapshotConfig snapshot, AuditContext context) {
        if (!Boolean.FALSE.equals(snapshot.encrypted())) {
            return List.of();
        }
        return List.of(Evidence.of("encryption", "Snapshot is not encrypted", Exposure.INTERNAL,
                Map.of("encrypted", false)));
    }
}
