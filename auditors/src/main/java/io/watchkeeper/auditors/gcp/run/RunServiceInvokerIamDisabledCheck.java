package io.watchkeeper.auditors.gcp.run;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpRunServiceConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** The invoker IAM check is off while ingress is open to all traffic. */
@AutoService(Check.class)
public final class RunServiceInvokerIamDisabledCheck extends GcpCheck<GcpRunServiceConfig> {

    public RunServiceInvokerIamDisabledCheck() {
        super("gcp.run.service/invoker-iam-disabled", GcpRunServiceConfig.class, Severity.HIGH, "Cloud Run service skips the invoker IAM check and accepts all ingress",
                "With the invoker check off and ingress from all sources, anyone on the internet can call the service whatever its IAM policy says.",
                "Turn the invoker IAM check back on (gcloud run services update --invoker-iam-check) or restrict ingress to internal traffic.");
    }

    @Override
    public List<Evidence> evaluate(GcpRunServiceConfig service, AuditContext context) {
        if (!service.invokerIamDisabled() || service.ingress() != null && !"INGRESS_TRAFFIC_ALL".equals(service.ingress())) {
            return List.of();
        }
        return List.of(Members.evidence("invoker-iam", "Invoker IAM check disabled, ingress " + service.ingress(),
                Exposure.INTERNET, Json.object().put("ingress", service.ingress())));
    }
}
