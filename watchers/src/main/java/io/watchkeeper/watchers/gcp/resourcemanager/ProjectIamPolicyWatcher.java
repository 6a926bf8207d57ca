package io.watchkeeper.watchers.gcp.resourcemanager;

import com.google.auto.service.AutoService;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.GetPolicyOptions;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpPolicies;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import java.util.List;

/** The project's IAM policy (version 3: conditional bindings complete) with its audit configs: one call. */
@AutoService(Watcher.class)
public final class ProjectIamPolicyWatcher extends GcpWatcher<GcpProjectIamPolicyConfig> {

    public ProjectIamPolicyWatcher() {
        super("gcp.project.iam-policy", GcpProjectIamPolicyConfig.class, "resourcemanager.projects.getIamPolicy");
    }

    @Override
    protected List<Observation<GcpProjectIamPolicyConfig>> observe(GcpSession gcp) {
        String id = gcp.projectId();
        var policy = gcp.projects().getIamPolicy(request("projects/" + id));
        return List.of(observed(GcpNames.fullName("cloudresourcemanager", "projects/" + id), id, null,
                new GcpProjectIamPolicyConfig(id, GcpPolicies.of(policy))));
    }

    static GetIamPolicyRequest request(String resource) {
        return GetIamPolicyRequest.newBuilder().setResource(resource)
                .setOptions(GetPolicyOptions.newBuilder().setRequestedPolicyVersion(3)).build();
    }
}
