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

/** CIS 4.5: serial-port-enable is true on the VM, or on the project and not overridden by the VM. */
@AutoService(Check.class)
public final class InstanceSerialPortEnabledCheck extends GcpCheck<GcpInstanceConfig> {

    public InstanceSerialPortEnabledCheck() {
        super("gcp.compute.instance/serial-port-enabled", GcpInstanceConfig.class, Severity.MEDIUM, "VM allows interactive serial console connections",
                "The serial console accepts connections from any address that holds the right IAM permission or SSH key, bypassing firewall rules.",
                "Set serial-port-enable to FALSE on the instance and remove it from the project metadata.", "4.5");
    }

    @Override
    public Set<ResourceType> dependsOn() { return Set.of(Instances.PROJECT); }

    @Override
    public List<Evidence> evaluate(GcpInstanceConfig instance, AuditContext context) {
        String value = Instances.effective(instance.serialPortEnable(), context, GcpProjectConfig::serialPortEnable);
        if (!Members.isTrue(value)) {
            return List.of();
        }
        String from = instance.serialPortEnable() != null ? "instance" : "project";
        return List.of(Members.evidence("serial-port-enable", "serial-port-enable is " + value + " (" + from + " metadata)",
                Exposure.INTERNAL, Json.object().put("serialPortEnable", value).put("from", from)));
    }
}
