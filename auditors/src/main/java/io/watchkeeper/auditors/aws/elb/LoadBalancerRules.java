package io.watchkeeper.auditors.aws.elb;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.get;
import static io.watchkeeper.auditors.rules.Facts.is;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.ClassicLoadBalancerConfig;
import io.watchkeeper.core.config.aws.LoadBalancerV2Config;
import io.watchkeeper.core.config.aws.LoadBalancerV2Config.Listener;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Load balancers, v2 (application, network, gateway) and classic: plain HTTP listeners that do not
 * redirect to HTTPS, TLS policies that still accept TLS 1.0/1.1, access logs, deletion protection,
 * invalid-header and desync protections. Internet-facing load balancers score as internet exposure.
 */
@AutoService(CheckSet.class)
public final class LoadBalancerRules implements CheckSet {

    /**
     * ELBv2 security policies that accept only TLS 1.2 or later (the "TLS13", "TLS-1-2" and "FS-1-2"
     * families); every other predefined policy also accepts TLS 1.0 or 1.1.
     */
    static boolean modernV2Policy(String policy) {
        String p = Facts.lower(policy);
        return p.contains("tls13") || p.contains("tls-1-2") || p.contains("fs-1-2") || p.contains("tls-1-3");
    }

    private static final Set<String> OLD_PROTOCOLS = Set.of("sslv2", "sslv3", "tlsv1", "tlsv1.1", "protocol-sslv3",
            "protocol-tlsv1", "protocol-tlsv1.1");

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.elbv2.load-balancer/http-listener", LoadBalancerV2Config.class, Severity.MEDIUM)
                        .title("Load balancer serves plain HTTP without redirecting to HTTPS")
                        .why("Requests, cookies and tokens sent over HTTP can be read and changed by anyone on the path.")
                        .fix("Make the HTTP listener's default action a redirect to HTTPS (status 301), or remove it.")
                        .evaluate(LoadBalancerRules::httpListeners),
                RuleCheck.of("aws.elbv2.load-balancer/outdated-tls-policy", LoadBalancerV2Config.class, Severity.MEDIUM)
                        .title("Load balancer TLS listener accepts TLS 1.0 or 1.1")
                        .why("TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996); clients can be"
                                + " downgraded to them.")
                        .fix("Use a TLS 1.2+ security policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.")
                        .evaluate(LoadBalancerRules::oldPolicies),
                RuleCheck.of("aws.elbv2.load-balancer/access-logs-off", LoadBalancerV2Config.class, Severity.LOW)
                        .title("Load balancer access logs are off")
                        .why("Without access logs there is no record of who called the application, from where.")
                        .fix("Set access_logs.s3.enabled to true with a bucket that the ELB service may write to.")
                        .when(lb -> !is(lb.type(), "gateway") && "false".equals(get(lb.attributes(), "access_logs.s3.enabled")),
                                "access-logs", lb -> "Load balancer " + lb.name() + " writes no access logs",
                                Exposure.INTERNAL, lb -> details("access_logs.s3.enabled", "false")),
                RuleCheck.of("aws.elbv2.load-balancer/deletion-protection-off", LoadBalancerV2Config.class, Severity.LOW)
                        .title("Load balancer deletion protection is off")
                        .why("One mistaken or malicious call deletes the load balancer and takes the service down.")
                        .fix("Set deletion_protection.enabled to true.")
                        .when(lb -> "false".equals(get(lb.attributes(), "deletion_protection.enabled")),
                                "deletion-protection", lb -> "Load balancer " + lb.name() + " can be deleted in one call",
                                Exposure.INTERNAL, lb -> details("deletion_protection.enabled", "false")),
                RuleCheck.of("aws.elbv2.load-balancer/invalid-headers-kept", LoadBalancerV2Config.class, Severity.LOW)
                        .title("Application load balancer forwards invalid HTTP headers")
                        .why("Headers with invalid names reach the targets and enable request smuggling and header"
                                + " injection against servers that parse them differently.")
                        .fix("Set routing.http.drop_invalid_header_fields.enabled to true.")
                        .when(lb -> is(lb.type(), "application")
                                        && "false".equals(get(lb.attributes(), "routing.http.drop_invalid_header_fields.enabled")),
                                "drop-invalid-headers", lb -> "Load balancer " + lb.name() + " forwards invalid headers",
                                Exposure.INTERNAL, lb -> details("routing.http.drop_invalid_header_fields.enabled", "false")),
                RuleCheck.of("aws.elbv2.load-balancer/desync-monitor-only", LoadBalancerV2Config.class, Severity.LOW)
                        .title("Application load balancer only monitors HTTP desync")
                        .why("In monitor mode, ambiguous requests (the material of request smuggling) are forwarded.")
                        .fix("Set routing.http.desync_mitigation_mode to defensive or strictest.")
                        .when(lb -> is(get(lb.attributes(), "routing.http.desync_mitigation_mode"), "monitor"), "desync",
                                lb -> "Load balancer " + lb.name() + " forwards ambiguous requests (desync monitor mode)",
                                Exposure.INTERNAL, lb -> details("routing.http.desync_mitigation_mode", "monitor")),
                RuleCheck.of("aws.elb.load-balancer/http-listener", ClassicLoadBalancerConfig.class, Severity.MEDIUM)
                        .title("Classic load balancer listens with plain HTTP or TCP only")
                        .why("Traffic between clients and the load balancer is unencrypted.")
                        .fix("Add an HTTPS/SSL listener with a certificate and remove the plaintext one (classic load"
                                + " balancers cannot redirect).")
                        .evaluate(LoadBalancerRules::classicPlaintext),
                RuleCheck.of("aws.elb.load-balancer/outdated-tls-policy", ClassicLoadBalancerConfig.class, Severity.MEDIUM)
                        .title("Classic load balancer accepts SSLv3, TLS 1.0 or TLS 1.1")
                        .why("Those protocols are deprecated (RFC 8996) and have practical attacks.")
                        .fix("Use the predefined policy ELBSecurityPolicy-TLS-1-2-2017-01 on every HTTPS/SSL listener.")
                        .evaluate(LoadBalancerRules::classicOldProtocols),
                RuleCheck.of("aws.elb.load-balancer/access-logs-off", ClassicLoadBalancerConfig.class, Severity.LOW)
                        .title("Classic load balancer access logs are off")
                        .why("Without access logs there is no record of who called the application, from where.")
                        .fix("Enable access logs (modify-load-balancer-attributes AccessLog Enabled=true).")
                        .when(lb -> Boolean.FALSE.equals(lb.accessLogEnabled()), "access-logs",
                                lb -> "Classic load balancer " + lb.name() + " writes no access logs", Exposure.INTERNAL,
                                lb -> details("accessLogEnabled", false)),
                RuleCheck.of("aws.elb.load-balancer/desync-monitor-only", ClassicLoadBalancerConfig.class, Severity.LOW)
                        .title("Classic load balancer only monitors HTTP desync")
                        .why("In monitor mode, ambiguous requests (the material of request smuggling) are forwarded.")
                        .fix("Set the desync mitigation mode to defensive or strictest.")
                        .when(lb -> is(lb.desyncMitigationMode(), "monitor"), "desync",
                                lb -> "Classic load balancer " + lb.name() + " forwards ambiguous requests",
                                Exposure.INTERNAL, lb -> details("desyncMitigationMode", "monitor")),
                RuleCheck.of("aws.elb.load-balancer/connection-draining-off", ClassicLoadBalancerConfig.class, Severity.LOW)
                        .title("Classic load balancer connection draining is off")
                        .why("Deregistered or unhealthy instances drop requests in flight.")
                        .fix("Enable connection draining with a timeout.")
                        .when(lb -> Boolean.FALSE.equals(lb.connectionDraining()), "connection-draining",
                                lb -> "Classic load balancer " + lb.name() + " does not drain connections",
                                Exposure.INTERNAL, lb -> details("connectionDraining", false)));
    }

    private static Exposure exposure(String scheme) {
        return is(scheme, "internet-facing") ? Exposure.INTERNET : Exposure.INTERNAL;
    }

    static List<Evidence> httpListeners(LoadBalancerV2Config lb, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (Listener l : list(lb.listeners())) {
            if (is(l.protocol(), "HTTP") && list(l.defaultActions()).stream()
                    .noneMatch(a -> is(a.type(), "redirect") && is(a.redirectProtocol(), "HTTPS"))) {
                out.add(Evidence.of("listener:" + l.port(), Facts.line("Listener " + l.port() + " serves HTTP without"
                        + " redirecting to HTTPS"), exposure(lb.scheme()), details("port", l.port(), "protocol", l.protocol(),
                        "actions", list(l.defaultActions()).stream().map(a -> String.valueOf(a.type())).toList())));
            }
        }
        return out;
    }

    static List<Evidence> oldPolicies(LoadBalancerV2Config lb, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (Listener l : list(lb.listeners())) {
            if ((is(l.protocol(), "HTTPS") || is(l.protocol(), "TLS")) && l.sslPolicy() != null
                    && !modernV2Policy(l.sslPolicy())) {
                out.add(Evidence.of("listener:" + l.port(), Facts.line("Listener " + l.port() + " uses " + l.sslPolicy()
                        + ", which accepts TLS 1.0 or 1.1"), exposure(lb.scheme()), details("port", l.port(),
                        "sslPolicy", l.sslPolicy())));
            }
        }
        return out;
    }

    static List<Evidence> classicPlaintext(ClassicLoadBalancerConfig lb, AuditContext context) {
        List<ClassicLoadBalancerConfig.Listener> listeners = list(lb.listeners());
        List<Evidence> out = new ArrayList<>();
        for (ClassicLoadBalancerConfig.Listener l : listeners) {
            if (is(l.protocol(), "HTTP") || is(l.protocol(), "TCP")) {
                out.add(Evidence.of("listener:" + l.loadBalancerPort(), Facts.line("Listener " + l.loadBalancerPort()
                        + " accepts plain " + l.protocol()), exposure(lb.scheme()), details("port", l.loadBalancerPort(),
                        "protocol", l.protocol())));
            }
        }
        return out;
    }

    static List<Evidence> classicOldProtocols(ClassicLoadBalancerConfig lb, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (ClassicLoadBalancerConfig.Listener l : list(lb.listeners())) {
            if (!is(l.protocol(), "HTTPS") && !is(l.protocol(), "SSL")) {
                continue;
            }
            List<String> old = list(l.sslProtocols()).stream().filter(p -> OLD_PROTOCOLS.contains(Facts.lower(p))).toList();
            boolean oldReference = l.referenceSecurityPolicy() != null
                    && !Facts.lower(l.referenceSecurityPolicy()).contains("tls-1-2");
            if (!old.isEmpty() || oldReference && list(l.sslProtocols()).isEmpty()) {
                out.add(Evidence.of("listener:" + l.loadBalancerPort(), Facts.line("Listener " + l.loadBalancerPort()
                        + " accepts " + (old.isEmpty() ? "the protocols of " + l.referenceSecurityPolicy()
                        : String.join(", ", old))), exposure(lb.scheme()), details("port", l.loadBalancerPort(),
                        "referenceSecurityPolicy", l.referenceSecurityPolicy(), "oldProtocols", old)));
            }
        }
        return out;
    }
}
