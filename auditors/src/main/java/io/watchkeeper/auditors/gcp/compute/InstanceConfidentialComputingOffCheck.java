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

/** CIS 4.11 (level 2): Confidential Computing is off. */
@AutoService(Check.class)
public final class InstanceConfidentialComputingOffCheck extends GcpCheck<GcpInstanceConfig> {

    public InstanceConfidentialComputingOffCheck() {
        super("gcp.compute.instance/confidential-computing-off", GcpInstanceConfig.class, Severity.INFO, "VM runs without Confidential Computing",
                "Without Confidential VM, memory is not encrypted while in use, which matters for workloads handling the most sensitive data.",
                "Recreate the VM on a supported machine type (N2D, C2D, C3) with --confidential-compute.", "4.11");
    }

    @Override
    public List<Evidence> evaluate(GcpInstanceConfig instance, AuditContext context) {
        if (instance.confidentialCompute() || Instances.gkeNode(instance)) {
            return List.of();
        }
        return List.of(Members.evidence("confidential-compute", "Confidential Computing is off", Exposure.INTERNAL,
                Json.object().put("confidentialCompute", false)));
    }
}
