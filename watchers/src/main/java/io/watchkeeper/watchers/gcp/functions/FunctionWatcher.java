package io.watchkeeper.watchers.gcp.functions;

import com.google.auto.service.AutoService;
import com.google.cloud.functions.v2.Function;
import com.google.cloud.functions.v2.ListFunctionsRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import io.watchkeeper.core.config.gcp.GcpFunctionConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpPolicies;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.List;

/** Cloud Functions of every region (v2 API, both generations; {@code locations/-}, paged) with their IAM policy. */
@AutoService(Watcher.class)
public final class FunctionWatcher extends GcpWatcher<GcpFunctionConfig> {

    public FunctionWatcher() {
        super("gcp.functions.function", GcpFunctionConfig.class, "cloudfunctions.functions.list",
                "cloudfunctions.functions.getIamPolicy");
    }

    @Override
    protected List<Observation<GcpFunctionConfig>> observe(GcpSession gcp) {
        List<Function> functions = new ArrayList<>();
        functions.addAll(Pages.all(gcp.functions().listFunctions(ListFunctionsRequest.newBuilder()
                .setParent("projects/" + gcp.projectId() + "/locations/-").setPageSize(500).build()).getPage()));
        return describeEach(functions, f -> GcpNames.fullName("cloudfunctions", f.getName()), f -> GcpNames.last(f.getName()), f -> {
            var policy = gcp.functions().getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(f.getName()).build());
            String location = GcpNames.location(f.getName());
            var service = f.getServiceConfig();
            var config = new GcpFunctionConfig(GcpNames.last(f.getName()), location, f.getEnvironment().name(),
                    f.getState().name(), GcpNames.blankToNull(f.getBuildConfig().getRuntime()),
                    GcpNames.blankToNull(service.getServiceAccountEmail()), service.getIngressSettings().name(),
                    GcpNames.blankToNull(service.getUri()), GcpNames.labels(f.getLabelsMap()), GcpPolicies.of(policy),
                    GcpNames.time(f.getUpdateTime()));
            return observed(GcpNames.fullName("cloudfunctions", f.getName()), GcpNames.last(f.getName()), location, config);
        });
    }
}
