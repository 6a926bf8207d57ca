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

/** CIS 4.6: IP forwarding is on (GKE nodes excluded). */
@AutoService(Check.class)
public final class InstanceIpForwardingCheck extends GcpCheck<GcpInstanceConfig> {

    public InstanceIpForwardingCheck() {
        super("gcp.compute.instance/ip-forwarding", GcpInstanceConfig.class, Severity.MEDIUM, "VM can forward IP packets",
                "An instance that forwards packets can route traffic between networks and spoof sources, bypassing firewall intent.",
                "Recreate the instance without --can-ip-forward unless it is a deliberate router or NAT appliance.", "4.6");
    }

    @Override
    public List<Evidence> evaluate(GcpInstanceConfig instance, AuditContext context) {
        if (!instance.canIpForward() || Instances.gkeNode(instance)) {
            return List.of();
        }
        return List.of(Members.evidence("can-ip-forward", "IP forwarding is on", Exposure.INTERNAL,
                Json.object().put("canIpForward", true)));
    }
}
