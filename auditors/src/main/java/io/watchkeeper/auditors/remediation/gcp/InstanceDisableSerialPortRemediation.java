package io.watchkeeper.auditors.remediation.gcp;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.Metadata;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.SetMetadataInstanceRequest;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.gcp.GcpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the interactive serial console off on a VM by setting its {@code serial-port-enable} metadata to
 * {@code FALSE} (which also overrides a project-wide {@code TRUE}). Compute replaces metadata whole, so the call
 * reads the instance's current metadata and writes it back with the one key changed and the fingerprint it read
 * ({@code compute.instances.get} then {@code setMetadata}): a concurrent change makes it fail, never lost.
 * Rollback restores the stored value, or removes the key when the instance had none.
 */
@AutoService(Remediation.class)
public final class InstanceDisableSerialPortRemediation implements Remediation<GcpInstanceConfig> {

    static final String KEY = "serial-port-enable";
    static final Pattern ZONE = Pattern.compile("[a-z]+-[a-z]+\\d{1,2}-[a-z]");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9]{1,10}");
    private static final Map<String, List<String>> CALLS = Map.of(
            "compute:instances.setMetadataItem", List.of("project", "zone", "instance", "key", "value"),
            "compute:instances.removeMetadataItem", List.of("project", "zone", "instance", "key"));

    @Override public String id() { return "gcp.compute.instance/disable-serial-port"; }
    @Override public CheckId fixes() { return CheckId.of("gcp.compute.instance/serial-port-enabled"); }
    @Override public Class<GcpInstanceConfig> configType() { return GcpInstanceConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("compute.instances.get", "compute.instances.setMetadata"); }
    @Override public String description() { return "Set the VM's serial-port-enable metadata to FALSE."; }

    @Override
    public RemediationPlan plan(FindingView finding, GcpInstanceConfig config) {
        String project = GcpCalls.project(finding);
        String zone = GcpCalls.valid(config.zone(), ZONE, "zone");
        String name = GcpCalls.valid(config.name(), GcpCalls.COMPUTE_NAME, "instance name");
        GcpCalls.accept(this, finding, resourceId(project, zone, name), Set.of(fixes()));
        if ("false".equalsIgnoreCase(config.serialPortEnable()) || "0".equals(config.serialPortEnable())) {
            return GcpCalls.plan(this, finding, "nothing to do: serial-port-enable is " + config.serialPortEnable());
        }
        return GcpCalls.plan(this, finding, "Set serial-port-enable=FALSE on " + name, set(project, zone, name, "FALSE"));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GcpInstanceConfig before) {
        List<ApiCall> set = GcpCalls.calls(applied, "instances.setMetadataItem");
        if (set.isEmpty()) {
            return GcpCalls.rollback(this, applied, applied.resourceId(), "", List.of());
        }
        String project = GcpCalls.text(set.getFirst().parameters(), "project", GcpCalls.PROJECT, "GCP project id");
        String zone = GcpCalls.valid(before.zone(), ZONE, "zone");
        String name = GcpCalls.valid(before.name(), GcpCalls.COMPUTE_NAME, "instance name");
        ApiCall restore;
        if (before.serialPortEnable() == null) {
            restore = new ApiCall("compute", "instances.removeMetadataItem", Json.object().put("project", project)
                    .put("zone", zone).put("instance", name).put("key", KEY));
        } else {
            restore = set(project, zone, name, GcpCalls.valid(before.serialPortEnable(), VALUE, "metadata value"));
        }
        return GcpCalls.rollback(this, applied, resourceId(project, zone, name), "Restore serial-port-enable of " + name,
                List.of(restore));
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GcpCalls.expect(this, call, CALLS);
        GcpSession gcp = GcpCalls.gcp(session, call);
        String zone = GcpCalls.text(call.parameters(), "zone", ZONE, "zone");
        String name = GcpCalls.text(call.parameters(), "instance", GcpCalls.COMPUTE_NAME, "instance name");
        String key = GcpCalls.text(call.parameters(), "key", Pattern.compile(Pattern.quote(KEY)), "metadata key");
        String value = call.operation().equals("instances.setMetadataItem")
                ? GcpCalls.text(call.parameters(), "value", VALUE, "metadata value") : null;
        Operation op = GcpCalls.run(call, () -> {
            Instance instance = gcp.instances().get(gcp.projectId(), zone, name);
            Metadata current = instance.getMetadata();
            List<Items> items = new ArrayList<>();
            for (Items item : current.getItemsList()) {
                if (!key.equals(item.getKey())) {
                    items.add(item);
                }
            }
            if (value != null) {
                items.add(Items.newBuilder().setKey(key).setValue(value).build());
            }
            Metadata next = Metadata.newBuilder().setFingerprint(current.getFingerprint()).addAllItems(items).build();
            return gcp.instances().setMetadataCallable().call(SetMetadataInstanceRequest.newBuilder().setProject(gcp.projectId())
                    .setZone(zone).setInstance(name).setMetadataResource(next).build());
        });
        if (op.hasError() && op.getError().getErrorsCount() > 0) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "compute:instances.setMetadata of " + name + " failed: "
                    + GcpCalls.printable(op.getError().getErrors(0).getMessage()));
        }
    }

    static String resourceId(String project, String zone, String name) {
        return "//compute.googleapis.com/projects/" + project + "/zones/" + zone + "/instances/" + name;
    }

    private static ApiCall set(String project, String zone, String name, String value) {
        ObjectNode p = Json.object().put("project", project).put("zone", zone).put("instance", name).put("key", KEY)
                .put("value", value);
        return new ApiCall("compute", "instances.setMetadataItem", p);
    }
}
