package io.watchkeeper.auditors.gcp.compute;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** CIS 4.8: vTPM or integrity monitoring is off. */
@AutoService(Check.class)
public final class InstanceShieldedVmOffCheck extends GcpCheck<GcpInstanceConfig> {

    public InstanceShieldedVmOffCheck() {
        super("gcp.compute.instance/shielded-vm-off", GcpInstanceConfig.class, Severity.LOW, "VM runs without Shielded VM vTPM and integrity monitoring",
                "Without a virtual TPM and integrity monitoring, a tampered boot loader or kernel goes unnoticed.",
                "Stop the VM and enable Shielded VM (gcloud compute instances update --shielded-vtpm --shielded-integrity-monitoring).", "4.8");
    }

    @Override
    public List<Evidence> evaluate(GcpInstanceConfig instance, AuditContext context) {
        var shielded = instance.shieldedVm();
        if (shielded != null && shielded.vtpm() && shielded.integrityMonitoring()) {
            return List.of();
        }
        return List.of(Members.evidence("shielded-vm", shielded == null ? "Shielded VM is not configured"
                : "vTPM " + (shielded.vtpm() ? "on" : "off") + ", integrity monitoring "
                + (shielded.integrityMonitoring() ? "on" : "off"), Exposure.INTERNAL,
                Json.object().put("vtpm", shielded != null && shielded.vtpm())
                        .put("integrityMonitoring", shielded != null && shielded.integrityMonitoring())));
    }
}
