package io.watchkeeper.watchers.gcp.resourcemanager;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpFolderIamPolicyConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpErrors;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpPolicies;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM policies (with audit configs) of the folders above the project, nearest first, at most ten levels: what
 * the project inherits between its own policy and its organisation's (CIS 2.1 is decided with them). A project
 * directly under an organisation, or without one, has no folders (not a failure). A folder whose policy the
 * project's credential may not read (403) is reported unreadable: what was stored stays, nothing is marked deleted.
 */
@AutoService(Watcher.class)
public final class FolderIamPolicyWatcher extends GcpWatcher<GcpFolderIamPolicyConfig> {

    static final int MAX_DEPTH = 10;

    public FolderIamPolicyWatcher() {
        super("gcp.folder.iam-policy", GcpFolderIamPolicyConfig.class, "resourcemanager.folders.get",
                "resourcemanager.folders.getIamPolicy");
    }

    @Override
    protected List<Observation<GcpFolderIamPolicyConfig>> observe(GcpSession gcp) {
        List<Observation<GcpFolderIamPolicyConfig>> out = new ArrayList<>();
        String parent = gcp.project().parent();
        for (int depth = 0; parent.startsWith("folders/") && depth < MAX_DEPTH; depth++) {
            String folderId = GcpNames.last(parent);
            String resourceId = GcpNames.fullName("cloudresourcemanager", parent);
            var folder = gcp.folders().getFolder(parent);
            try {
                var policy = gcp.folders().getIamPolicy(ProjectIamPolicyWatcher.request(parent));
                String name = folder.getDisplayName().isEmpty() ? folderId : folder.getDisplayName();
                out.add(observed(resourceId, name, null, new GcpFolderIamPolicyConfig(folderId, folder.getDisplayName(),
                        folder.getParent(), GcpPolicies.of(policy))));
            } catch (RuntimeException e) {
                if (GcpErrors.category(e) != ErrorCategory.DENIED) {
                    throw e;
                }
                out.add(new Observation.Unreadable<>(resourceId, folderId, ErrorCategory.DENIED,
                        "the project's credential may not read the policy of folder " + folderId + ": " + GcpErrors.describe(e)));
            }
            parent = folder.getParent();
        }
        return out;
    }
}
