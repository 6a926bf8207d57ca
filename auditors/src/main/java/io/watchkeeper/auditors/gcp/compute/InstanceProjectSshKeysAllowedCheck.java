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

/** CIS 4.3: block-project-ssh-keys is not TRUE on the VM. */
@AutoService(Check.class)
public final class InstanceProjectSshKeysAllowedCheck extends GcpCheck<GcpInstanceConfig> {

    public InstanceProjectSshKeysAllowedCheck() {
        super("gcp.compute.instance/project-ssh-keys-allowed", GcpInstanceConfig.class, Severity.LOW, "VM accepts project-wide SSH keys",
                "A project-wide key opens every VM of the project that does not block it; one leaked key reaches them all.",
                "Set the block-project-ssh-keys metadata to TRUE on the instance, or use OS Login.", "4.3");
    }

    @Override
    public List<Evidence> evaluate(GcpInstanceConfig instance, AuditContext context) {
        if (Instances.gkeNode(instance) || Members.isTrue(instance.blockProjectSshKeys())) {
            return List.of();
        }
        return List.of(Members.evidence("block-project-ssh-keys", "block-project-ssh-keys is "
                + (instance.blockProjectSshKeys() == null ? "unset" : instance.blockProjectSshKeys()), Exposure.INTERNAL,
                Json.object().put("blockProjectSshKeys", instance.blockProjectSshKeys())));
    }
}
