package io.watchkeeper.auditors.gcp.project;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Keys in the project-wide ssh-keys metadata (CIS 4.3 asks VMs to block them). */
@AutoService(Check.class)
public final class ProjectWideSshKeysCheck extends GcpCheck<GcpProjectConfig> {

    public ProjectWideSshKeysCheck() {
        super("gcp.project/project-wide-ssh-keys", GcpProjectConfig.class, Severity.LOW, "Project metadata holds project-wide SSH keys",
                "A project-wide key logs in to every VM that does not block project keys; keys outlive the people who added them.",
                "Remove the ssh-keys project metadata and use OS Login (or instance keys where unavoidable).");
    }

    @Override
    public List<Evidence> evaluate(GcpProjectConfig project, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (var key : Members.list(project.sshKeys())) {
            String id = key.fingerprint() != null ? key.fingerprint() : key.user() + "/" + key.keyType();
            out.add(Members.evidence("ssh-key:" + id, "Project-wide SSH key for " + key.user() + " (" + key.keyType() + ")",
                    Exposure.INTERNAL, Json.object().put("user", key.user()).put("fingerprint", key.fingerprint())));
        }
        return out.stream().collect(java.util.stream.Collectors.toMap(Evidence::key, e -> e, (a, b) -> a,
                java.util.LinkedHashMap::new)).values().stream().toList();
    }
}
