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

/** CIS 3.8: flow logs are off, or on with a longer interval, sampling below 1 or partial metadata (proxy-only and PSC subnetworks are not reported). */
@AutoService(Check.class)
public final class SubnetworkFlowLogsOffCheck extends GcpCheck<GcpSubnetworkConfig> {

    public SubnetworkFlowLogsOffCheck() {
        super("gcp.compute.subnetwork/flow-logs-off", GcpSubnetworkConfig.class, Severity.LOW, "VPC flow logs are off or sampled on a subnetwork",
                "Without complete flow logs there is no record of which addresses talked to the subnetwork's instances during an incident.",
                "Enable flow logs with a 5-second aggregation interval, sampling 1.0 and all metadata (gcloud compute networks subnets update --enable-flow-logs --logging-aggregation-interval=interval-5-sec --logging-flow-sampling=1 --logging-metadata=include-all).", "3.8");
    }

    @Override
    public List<Evidence> evaluate(GcpSubnetworkConfig subnet, AuditContext context) {
        if (subnet.purpose() != null && !"PRIVATE".equalsIgnoreCase(subnet.purpose())) {
            return List.of(); // proxy-only and Private Service Connect subnetworks carry no flow logs
        }
        if (!subnet.flowLogs()) {
            return List.of(Members.evidence("flow-logs", "Flow logs are off", Exposure.INTERNAL, Json.object().put("flowLogs", false)));
        }
        List<String> weak = new ArrayList<>();
        if (subnet.flowLogAggregationInterval() != null && !"INTERVAL_5_SEC".equalsIgnoreCase(subnet.flowLogAggregationInterval())) {
            weak.add("aggregation " + subnet.flowLogAggregationInterval());
        }
        if (subnet.flowLogSampling() != null && subnet.flowLogSampling() < 1.0f) {
            weak.add("sampling " + subnet.flowLogSampling());
        }
        if (subnet.flowLogMetadata() != null && !"INCLUDE_ALL_METADATA".equalsIgnoreCase(subnet.flowLogMetadata())) {
            weak.add("metadata " + subnet.flowLogMetadata());
        }
        if (weak.isEmpty()) {
            return List.of();
        }
        return List.of(Members.evidence("flow-logs-partial", "Flow logs are on but partial: " + String.join(", ", weak),
                Exposure.INTERNAL, Json.object().put("aggregation", subnet.flowLogAggregationInterval())
                        .put("metadata", subnet.flowLogMetadata())
                        .put("sampling", subnet.flowLogSampling() == null ? null : subnet.flowLogSampling().toString())));
    }
}
