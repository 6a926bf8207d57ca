package io.watchkeeper.watchers.gcp.run;

import com.google.auto.service.AutoService;
import com.google.cloud.run.v2.ListServicesRequest;
import com.google.cloud.run.v2.Service;
import com.google.iam.v1.GetIamPolicyRequest;
import io.watchkeeper.core.config.gcp.GcpRunServiceConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpPolicies;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.List;

/** Cloud Run services of every region ({@code locations/-}, paged) with their IAM policy (one call each). */
@AutoService(Watcher.class)
public final class RunServiceWatcher extends GcpWatcher<GcpRunServiceConfig> {

    public RunServiceWatcher() {
        super("gcp.run.service", GcpRunServiceConfig.class, "run.services.list", "run.services.getIamPolicy");
    }

    @Override
    protected List<Observation<GcpRunServiceConfig>> observe(GcpSession gcp) {
        List<Service> services = new ArrayList<>();
        services.addAll(Pages.all(gcp.runServices().listServices(ListServicesRequest.newBuilder()
                .setParent("projects/" + gcp.projectId() + "/locations/-").setPageSize(500).build()).getPage()));
        return describeEach(services, s -> GcpNames.fullName("run", s.getName()), s -> GcpNames.last(s.getName()), s -> {
            var policy = gcp.runServices().getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(s.getName()).build());
            String location = GcpNames.location(s.getName());
            var config = new GcpRunServiceConfig(GcpNames.last(s.getName()), location, s.getIngress().name(),
                    GcpNames.blankToNull(s.getTemplate().getServiceAccount()), s.getInvokerIamDisabled(),
                    GcpNames.blankToNull(s.getUri()), GcpNames.labels(s.getLabelsMap()), GcpPolicies.of(policy),
                    GcpNames.time(s.getCreateTime()), GcpNames.time(s.getUpdateTime()));
            return observed(GcpNames.fullName("run", s.getName()), GcpNames.last(s.getName()), location, config);
        });
    }
}
