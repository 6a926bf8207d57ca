package io.watchkeeper.auditors.remediation.gcp;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.PatchFirewallRequest;
import io.watchkeeper.core.config.gcp.GcpFirewallConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disables a firewall rule that opens ports to the internet ({@code compute.firewalls.patch} with
 * {@code disabled: true}); the rule stays, with its ranges and ports, for its owner to narrow and enable.
 * Rollback enables it again. Compute answers with an operation: a failed one fails the call, a running
 * one is left to finish (verification re-watches the rule).
 */
@AutoService(Remediation.class)
public final class FirewallDisableRemediation implements Remediation<GcpFirewallConfig> {

    static final Set<CheckId> FIXES = Set.of(CheckId.of("gcp.compute.firewall/ssh-open"), CheckId.of("gcp.compute.firewall/rdp-open"),
            CheckId.of("gcp.compute.firewall/all-ports-open"), CheckId.of("gcp.compute.firewall/database-port-open"));
    private static final Map<String, List<String>> CALLS = Map.of("compute:firewalls.patch", List.of("project", "firewall", "disabled"));

    @Override public String id() { return "gcp.compute.firewall/disable"; }
    @Override public CheckId fixes() { return CheckId.of("gcp.compute.firewall/all-ports-open"); }
    @Override public Class<GcpFirewallConfig> configType() { return GcpFirewallConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("compute.firewalls.update", "compute.networks.updatePolicy"); }
    @Override public String description() { return "Disable the firewall rule (it is kept, so its owner can narrow it and enable it)."; }

    @Override
    public RemediationPlan plan(FindingView finding, GcpFirewallConfig config) {
        String project = GcpCalls.project(finding);
        String name = GcpCalls.valid(config.name(), GcpCalls.COMPUTE_NAME, "firewall rule name");
        GcpCalls.accept(this, finding, resourceId(project, name), FIXES);
        if (config.disabled()) {
            return GcpCalls.plan(this, finding, "nothing to do: the rule is disabled");
        }
        return GcpCalls.plan(this, finding, "Disable firewall rule " + name, patch(project, name, true));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GcpFirewallConfig before) {
        String name = GcpCalls.valid(before.name(), GcpCalls.COMPUTE_NAME, "firewall rule name");
        if (applied.calls().isEmpty()) {
            return GcpCalls.rollback(this, applied, applied.resourceId(), "", List.of());
        }
        String project = GcpCalls.text(applied.calls().getFirst().parameters(), "project", GcpCalls.PROJECT, "GCP project id");
        List<ApiCall> calls = before.disabled() ? List.of() : List.of(patch(project, name, false));
        return GcpCalls.rollback(this, applied, resourceId(project, name), "Enable firewall rule " + name + " again", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GcpCalls.expect(this, call, CALLS);
        var gcp = GcpCalls.gcp(session, call);
        String name = GcpCalls.text(call.parameters(), "firewall", GcpCalls.COMPUTE_NAME, "firewall rule name");
        boolean disabled = GcpCalls.bool(call.parameters(), "disabled");
        Operation op = GcpCalls.run(call, () -> gcp.firewalls().patchCallable().call(PatchFirewallRequest.newBuilder()
                .setProject(gcp.projectId()).setFirewall(name)
                .setFirewallResource(Firewall.newBuilder().setDisabled(disabled).build()).build()));
        if (op.hasError() && op.getError().getErrorsCount() > 0) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "compute:firewalls.patch of " + name + " failed: "
                    + GcpCalls.printable(op.getError().getErrors(0).getMessage()));
        }
    }

    static String resourceId(String project, String name) {
        return "//compute.googleapis.com/projects/" + project + "/global/firewalls/" + name;
    }

    private static ApiCall patch(String project, String name, boolean disabled) {
        return new ApiCall("compute", "firewalls.patch", Json.object().put("project", project).put("firewall", name)
                .put("disabled", disabled));
    }
}
