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

/** Anyone may create a volume from the snapshot (create-volume permission group "all"). */
@AutoService(Check.class)
public final class EbsSnapshotPublicCheck implements Check<EbsSnapshotConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.snapshot/public"); }
    @Override public Class<EbsSnapshotConfig> configType() { return EbsSnapshotConfig.class; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "EBS snapshot is public"; }
    @Override public String rationale() {
        return "Every AWS account can copy a public snapshot and mount its disk; public snapshots are searched "
                + "continuously for credentials, databases and source code.";
    }
    @Override public String remediation() {
        return "Remove the \"all\" create-volume permission (modify-snapshot-attribute) and turn on EBS "
                + "Block Public Access for snapshots.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(EbsSnapshotConfig snapshot, AuditContext context) {
        // not snapshot.publiclyShared(): that one trips over a null list element
        if (snapshot.createVolumePermissions() == null || snapshot.createVolumePermissions().stream()
                .noneMatch(p -> p != null && "all".equals(p.group()))) {
            return List.of();
        }
        return List.of(Evidence.of("share:all", "Any AWS account may create volumes from the snapshot",
                Exposure.INTERNET, Map.of("group", "all")));
    }
}
