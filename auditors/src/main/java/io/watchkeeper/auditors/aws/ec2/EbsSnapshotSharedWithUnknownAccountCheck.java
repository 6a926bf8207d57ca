package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.EbsSnapshotConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;

/** The snapshot is shared with an account nobody registered; friendly and third-party shares are fine. */
@AutoService(Check.class)
public final class EbsSnapshotSharedWithUnknownAccountCheck implements Check<EbsSnapshotConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.snapshot/shared-with-unknown-account"); }
    @Override public Class<EbsSnapshotConfig> configType() { return EbsSnapshotConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "EBS snapshot is shared with an unknown account"; }
    @Override public String rationale() {
        return "The other account can copy the disk and read everything on it; nobody registered that account, "
                + "so nobody is accountable for what it does with the data.";
    }
    @Override public String remediation() {
        return "Remove the account's create-volume permission, or register the account if the share is intended.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(EbsSnapshotConfig snapshot, AuditContext context) {
        if (snapshot.createVolumePermissions() == null) {
            return List.of();
        }
        return snapshot.createVolumePermissions().stream()
                .filter(p -> p != null && p.userId() != null && !p.userId().isBlank())
                .map(EbsSnapshotConfig.Permission::userId)
                .distinct()
                .filter(account -> context.classifyPrincipal(account) == EntityClass.UNKNOWN)
                .map(account -> Evidence.of(ResourcePolicyEvidence.key("share:" + account),
                        ResourcePolicyEvidence.line("Snapshot shared with unknown account " + account),
                        Exposure.UNKNOWN_ACCOUNT, Map.of("userId", account)))
                .toList();
    }
}
