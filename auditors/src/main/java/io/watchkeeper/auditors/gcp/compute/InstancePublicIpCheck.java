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

/** CIS 4.9: a network interface has an access config (external address); GKE nodes excluded. */
@AutoService(Check.class)
public final class InstancePublicIpCheck extends GcpCheck<GcpInstanceConfig> {

    public InstancePublicIpCheck() {
        super("gcp.compute.instance/public-ip", GcpInstanceConfig.class, Severity.MEDIUM, "VM has an external IP address",
                "A public address makes every port the firewall lets through reachable from the internet, and invites scanning.",
                "Remove the access config (gcloud compute instances delete-access-config) and reach the VM through IAP, a load balancer or Cloud NAT.", "4.9");
    }

    @Override
    public List<Evidence> evaluate(GcpInstanceConfig instance, AuditContext context) {
        if (Instances.gkeNode(instance)) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (var nic : Members.list(instance.networkInterfaces())) {
            if (!Members.list(nic.accessConfigs()).isEmpty()) {
                String name = nic.name() == null ? "nic" : nic.name();
                out.add(Members.evidence("external-ip:" + name, "Interface " + name + " has an external address",
                        Exposure.INTERNET, Json.object().put("interface", name).put("network", nic.network())));
            }
        }
        return out;
    }
}
