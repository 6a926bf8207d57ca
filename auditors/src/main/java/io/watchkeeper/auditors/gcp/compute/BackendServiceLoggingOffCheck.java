package io.watchkeeper.auditors.gcp.compute;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpBackendServiceConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CIS 2.16: a backend service of an HTTP(S) load balancer whose request logging ({@code logConfig.enable}) is not on.
 * HTTP(S) load balancer here means protocol HTTP, HTTPS or HTTP2 with scheme EXTERNAL (classic Application Load
 * Balancer), EXTERNAL_MANAGED or INTERNAL_MANAGED (global or regional Application Load Balancers, which log the same
 * way). Not reported: TCP, SSL, UDP, GRPC and unspecified protocols (network and proxy load balancers, which CIS 2.16
 * does not cover), INTERNAL (passthrough) and INTERNAL_SELF_MANAGED (Traffic Director, no load-balancer log) schemes.
 * Like the CIS audit procedure, only {@code enable} is read: logging on with sample rate 0 passes (the rate is in the
 * item's config for anyone who wants to look further).
 */
@AutoService(Check.class)
public final class BackendServiceLoggingOffCheck extends GcpCheck<GcpBackendServiceConfig> {

    static final Set<String> HTTP_PROTOCOLS = Set.of("HTTP", "HTTPS", "HTTP2");
    static final Set<String> HTTP_LB_SCHEMES = Set.of("EXTERNAL", "EXTERNAL_MANAGED", "INTERNAL_MANAGED");

    public BackendServiceLoggingOffCheck() {
        super("gcp.compute.backend-service/logging-off", GcpBackendServiceConfig.class, Severity.LOW,
                "HTTP(S) load balancer backend service does not log requests",
                "Without request logs there is no record of who called the application behind the load balancer, "
                        + "what they asked for and what Cloud Armor or IAP decided, when an incident needs one.",
                "Turn logging on: gcloud compute backend-services update NAME [--global|--region=REGION] "
                        + "--enable-logging --logging-sample-rate=1.", "2.16");
    }

    @Override
    public List<Evidence> evaluate(GcpBackendServiceConfig service, AuditContext context) {
        if (service.loggingEnabled() || !httpLoadBalancer(service)) {
            return List.of();
        }
        return List.of(Members.evidence("logging-off", "Request logging is off on this " + service.protocol()
                        + " backend service (" + service.loadBalancingScheme() + ")", Exposure.INTERNAL,
                Json.object().put("protocol", service.protocol()).put("loadBalancingScheme", service.loadBalancingScheme())
                        .put("loggingEnabled", false)));
    }

    static boolean httpLoadBalancer(GcpBackendServiceConfig service) {
        return service.protocol() != null && service.loadBalancingScheme() != null
                && HTTP_PROTOCOLS.contains(service.protocol().toUpperCase(Locale.ROOT))
                && HTTP_LB_SCHEMES.contains(service.loadBalancingScheme().toUpperCase(Locale.ROOT));
    }
}
