package io.watchkeeper.watchers.gcp.compute;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.Firewall;
import io.watchkeeper.core.config.gcp.GcpFirewallConfig;
import io.watchkeeper.core.config.gcp.GcpFirewallConfig.Rule;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** VPC firewall rules: one paged list, nothing per rule. */
@AutoService(Watcher.class)
public final class FirewallWatcher extends GcpWatcher<GcpFirewallConfig> {

    private static final Comparator<Rule> ORDER = Comparator.comparing(Rule::protocol)
            .thenComparing(r -> String.join(",", r.ports()));

    public FirewallWatcher() {
        super("gcp.compute.firewall", GcpFirewallConfig.class, "compute.firewalls.list");
    }

    @Override
    protected List<Observation<GcpFirewallConfig>> observe(GcpSession gcp) {
        List<Observation<GcpFirewallConfig>> out = new ArrayList<>();
        for (Firewall f : Pages.all(gcp.firewalls().list(com.google.cloud.compute.v1.ListFirewallsRequest.newBuilder()
                .setProject(gcp.projectId()).setMaxResults(500).build()).getPage())) {
            var config = new GcpFirewallConfig(f.getName(), Long.toUnsignedString(f.getId()),
                    GcpNames.relative(f.getNetwork()), GcpNames.blankToNull(f.getDescription()), f.getDirection(),
                    f.getPriority(), f.getDisabled(), GcpNames.sorted(f.getSourceRangesList()),
                    GcpNames.sorted(f.getDestinationRangesList()), GcpNames.sorted(f.getSourceTagsList()),
                    GcpNames.sorted(f.getTargetTagsList()), GcpNames.sorted(f.getSourceServiceAccountsList()),
                    GcpNames.sorted(f.getTargetServiceAccountsList()),
                    f.getAllowedList().stream().map(a -> new Rule(a.getIPProtocol(), GcpNames.sorted(a.getPortsList())))
                            .sorted(ORDER).toList(),
                    f.getDeniedList().stream().map(d -> new Rule(d.getIPProtocol(), GcpNames.sorted(d.getPortsList())))
                            .sorted(ORDER).toList(),
                    f.hasLogConfig() && f.getLogConfig().getEnable(), GcpNames.time(f.getCreationTimestamp()));
            out.add(observed(GcpNames.fullName("compute", "projects/" + gcp.projectId() + "/global/firewalls/" + f.getName()),
                    f.getName(), null, config));
        }
        return out;
    }
}
