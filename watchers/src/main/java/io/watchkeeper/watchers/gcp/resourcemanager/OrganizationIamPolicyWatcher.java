package io.watchkeeper.watchers.gcp.resourcemanager;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpOrganizationIamPolicyConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpErrors;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpPolicies;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import java.util.List;

/**
 * The IAM policy of the project's organisation (found through the project's parent and its folders,
 * at most ten levels). A project without an organisation has nothing to watch here (not a failure).
 * When the organisation cannot be read with the project's credential (403), the policy is reported
 * unreadable: what was stored before stays as it was, nothing is marked deleted.
 */
@AutoService(Watcher.class)
public final class OrganizationIamPolicyWatcher extends GcpWatcher<GcpOrganizationIamPolicyConfig> {

    public OrganizationIamPolicyWatcher() {
        super("gcp.organization.iam-policy", GcpOrganizationIamPolicyConfig.class, "resourcemanager.folders.get",
                "resourcemanager.organizations.get", "resourcemanager.organizations.getIamPolicy");
    }

    @Override
    protected List<Observation<GcpOrganizationIamPolicyConfig>> observe(GcpSession gcp) {
        String parent = Ancestry.organization(gcp);
        if (parent == null) {
            return List.of();
        }
        String orgId = GcpNames.last(parent);
        String resourceId = GcpNames.fullName("cloudresourcemanager", parent);
        try {
            var organization = gcp.organizations().getOrganization(parent);
            var policy = gcp.organizations().getIamPolicy(ProjectIamPolicyWatcher.request(parent));
            return List.of(observed(resourceId, organization.getDisplayName().isEmpty() ? orgId : organization.getDisplayName(),
                    null, new GcpOrganizationIamPolicyConfig(orgId, organization.getDisplayName(), GcpPolicies.of(policy))));
        } catch (RuntimeException e) {
            if (GcpErrors.category(e) == ErrorCategory.DENIED) {
                return List.of(new Observation.Unreadable<>(resourceId, orgId, ErrorCategory.DENIED,
                        "the project's credential may not read organization " + orgId + ": " + GcpErrors.describe(e)));
            }
            throw e;
        }
    }
}
