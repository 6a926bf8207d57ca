package io.watchkeeper.auditors.gcp.compute;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpDiskConfig;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CIS 4.7 (level 2): a disk of a critical VM without a customer-supplied key (CSEK). Which VMs are critical is the
 * owner's call, declared with the label {@value #LABEL}{@code =true} on the disk or on an instance it is attached to;
 * a disk with neither is never reported, whatever its key. A Cloud KMS key (CMEK) is not a customer-supplied one.
 */
@AutoService(Check.class)
public final class DiskCriticalNotCsekCheck extends GcpCheck<GcpDiskConfig> {

    /** The label that marks a disk or a VM critical. */
    public static final String LABEL = "watchkeeper-critical";

    static final ResourceType INSTANCE = ResourceType.of("gcp.compute.instance");

    public DiskCriticalNotCsekCheck() {
        super("gcp.compute.disk/critical-not-csek", GcpDiskConfig.class, Severity.MEDIUM,
                "A disk of a critical VM is not encrypted with a customer-supplied key",
                "With Google- or KMS-managed keys, anyone who can use the project's keys or snapshots can read the disk; "
                        + "a customer-supplied key keeps the data unreadable without the key the owner holds.",
                "Recreate the disk from a snapshot with --csek-key-file (CSEK can only be set at creation), or drop the "
                        + LABEL + " label where the VM is not critical.", "4.7");
    }

    @Override
    public Set<ResourceType> dependsOn() {
        return Set.of(INSTANCE);
    }

    @Override
    public List<Evidence> evaluate(GcpDiskConfig disk, AuditContext context) {
        if ("CSEK".equals(disk.encryption())) {
            return List.of();
        }
        String why = critical(disk.labels()) ? "the disk" : criticalUser(disk, context);
        if (why == null) {
            return List.of();
        }
        return List.of(Members.evidence("not-csek", "Critical (" + LABEL + " on " + why + ") but encrypted with "
                        + (disk.encryption() == null ? "an unknown key" : disk.encryption()) + " keys",
                Exposure.INTERNAL, Json.object().put("encryption", String.valueOf(disk.encryption())).put("criticalBy", why)));
    }

    /** The first attached instance labelled critical ({@code zone/name}), or null. */
    private static String criticalUser(GcpDiskConfig disk, AuditContext context) {
        List<String> users = Members.list(disk.users());
        if (users.isEmpty()) {
            return null;
        }
        for (var related : context.related(INSTANCE, GcpInstanceConfig.class)) {
            GcpInstanceConfig vm = related.config();
            if (vm == null || !critical(vm.labels())) {
                continue;
            }
            String path = "/zones/" + vm.zone() + "/instances/" + vm.name();
            if (users.stream().anyMatch(u -> u != null && u.endsWith(path))) {
                return "instance " + vm.zone() + "/" + vm.name();
            }
        }
        return null;
    }

    private static boolean critical(Map<String, String> labels) {
        return labels != null && "true".equalsIgnoreCase(labels.get(LABEL));
    }
}
