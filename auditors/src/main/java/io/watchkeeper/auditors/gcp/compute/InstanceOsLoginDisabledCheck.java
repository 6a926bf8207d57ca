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

/** CIS 4.4: the VM overrides the project's OS Login with enable-oslogin=FALSE (the project setting is gcp.project/os-login-disabled). */
@AutoService(Check.class)
public final class InstanceOsLoginDisabledCheck extends GcpCheck<GcpInstanceConfig> {

    public InstanceOsLoginDisabledCheck() {
        super("gcp.compute.instance/os-login-disabled", GcpInstanceConfig.class, Severity.MEDIUM, "VM turns OS Login off for itself",
                "An instance-level enable-oslogin=FALSE overrides the project's OS Login, so SSH access there is by metadata keys nobody ties to IAM.",
                "Remove the instance's enable-oslogin metadata (or set it to TRUE).", "4.4");
    }

    @Override
    public List<Evidence> evaluate(GcpInstanceConfig instance, AuditContext context) {
        if (Instances.gkeNode(instance) || !Members.isFalse(instance.osLogin())) {
            return List.of();
        }
        return List.of(Members.evidence("enable-oslogin", "enable-oslogin is " + instance.osLogin() + " on the instance",
                Exposure.INTERNAL, Json.object().put("osLogin", instance.osLogin())));
    }
}
