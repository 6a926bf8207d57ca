package io.watchkeeper.auditors.gcp.compute;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpSubnetworkConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** A private subnetwork without Private Google Access. */
@AutoService(Check.class)
public final class SubnetworkPrivateGoogleAccessOffCheck extends GcpCheck<GcpSubnetworkConfig> {

    public SubnetworkPrivateGoogleAccessOffCheck() {
        super("gcp.compute.subnetwork/private-google-access-off", GcpSubnetworkConfig.class, Severity.LOW, "Private Google Access is off on a subnetwork",
                "Instances without external addresses cannot reach Google APIs, which pushes teams to give them public IPs or NAT everything.",
                "Enable Private Google Access (gcloud compute networks subnets update --enable-private-ip-google-access).");
    }

    @Override
    public List<Evidence> evaluate(GcpSubnetworkConfig subnet, AuditContext context) {
        if (subnet.privateIpGoogleAccess() || subnet.purpose() != null && !"PRIVATE".equalsIgnoreCase(subnet.purpose())) {
            return List.of();
        }
        return List.of(Members.evidence("private-google-access", "Private Google Access is off", Exposure.INTERNAL,
                Json.object().put("privateIpGoogleAccess", false)));
    }
}
