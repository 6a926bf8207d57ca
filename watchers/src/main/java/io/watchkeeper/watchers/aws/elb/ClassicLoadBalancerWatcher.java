package io.watchkeeper.watchers.aws.elb;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.ClassicLoadBalancerConfig;
import io.watchkeeper.core.config.aws.ClassicLoadBalancerConfig.Listener;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.Fanout;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyDescription;

/**
 * Classic Load Balancers: one page per 400, one tags call per 20, one attributes call per load
 * balancer and, for those with HTTPS or SSL listeners, one call for their negotiation policies.
 */
@AutoService(Watcher.class)
public final class ClassicLoadBalancerWatcher extends AwsWatcher<ClassicLoadBalancerConfig> {

    private static final int TAG_BATCH = 20;
    private static final Set<String> TLS = Set.of("HTTPS", "SSL");

    public ClassicLoadBalancerWatcher() {
        super("aws.elb.load-balancer", ClassicLoadBalancerConfig.class, ScopeKind.REGIONAL,
                "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
                "elasticloadbalancing:DescribeLoadBalancerPolicies", "elasticloadbalancing:DescribeTags");
    }

    @Override
    protected List<Observation<ClassicLoadBalancerConfig>> observe(WatchScope scope, AwsSession aws) {
        ElasticLoadBalancingClient elb = aws.elb(scope.region());
        String prefix = "arn:aws:elasticloadbalancing:" + scope.region() + ":" + aws.accountId() + ":loadbalancer/";
        List<LoadBalancerDescription> all = elb.describeLoadBalancersPaginator(r -> r.pageSize(400))
                .loadBalancerDescriptions().stream().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += TAG_BATCH) {
            batches.add(all.subList(i, Math.min(all.size(), i + TAG_BATCH)).stream()
                    .map(LoadBalancerDescription::loadBalancerName).toList());
        }
        Map<String, Map<String, String>> tags = new HashMap<>();
        Fanout.map(batches, batch -> elb.describeTags(r -> r.loadBalancerNames(batch)).tagDescriptions())
                .forEach(list -> list.forEach(d -> tags.put(d.loadBalancerName(),
                        tags(d.tags(), t -> t.key(), t -> t.value()))));
        return describeEach(all, lb -> prefix + lb.loadBalancerName(), LoadBalancerDescription::loadBalancerName, lb -> {
            String name = lb.loadBalancerName();
            var attributes = elb.describeLoadBalancerAttributes(r -> r.loadBalancerName(name)).loadBalancerAttributes();
            List<String> tlsPolicies = lb.listenerDescriptions().stream()
                    .filter(d -> d.listener() != null && d.listener().protocol() != null
                            && TLS.contains(d.listener().protocol().toUpperCase(java.util.Locale.ROOT)))
                    .flatMap(d -> d.policyNames().stream()).distinct().toList();
            Map<String, PolicyDescription> policies = new HashMap<>();
            if (!tlsPolicies.isEmpty()) {
                elb.describeLoadBalancerPolicies(r -> r.loadBalancerName(name).policyNames(tlsPolicies))
                        .policyDescriptions().forEach(p -> policies.put(p.policyName(), p));
            }
            List<Listener> listeners = lb.listenerDescriptions().stream().filter(d -> d.listener() != null).map(d -> {
                var l = d.listener();
                String reference = null;
                List<String> protocols = new ArrayList<>();
                for (String policyName : d.policyNames()) {
                    PolicyDescription p = policies.get(policyName);
                    if (p == null || !"SSLNegotiationPolicyType".equals(p.policyTypeName())) {
                        continue;
                    }
                    for (var attribute : p.policyAttributeDescriptions()) {
                        if ("Reference-Security-Policy".equals(attribute.attributeName())) {
                            reference = attribute.attributeValue();
                        } else if (attribute.attributeName() != null && attribute.attributeName().startsWith("Protocol-")
                                && "true".equalsIgnoreCase(attribute.attributeValue())) {
                            protocols.add(attribute.attributeName().substring("Protocol-".length()));
                        }
                    }
                }
                return new Listener(l.protocol(), l.loadBalancerPort(), l.instanceProtocol(), l.instancePort(),
                        l.sslCertificateId(), sorted(d.policyNames(), Comparator.naturalOrder()), reference,
                        sorted(protocols, Comparator.naturalOrder()));
            }).toList();
            String desync = attributes.additionalAttributes().stream()
                    .filter(a -> "elb.http.desyncmitigationmode".equals(a.key())).map(a -> a.value()).findFirst()
                    .orElse(null);
            var config = new ClassicLoadBalancerConfig(name, lb.dnsName(), lb.scheme(), lb.vpcId(),
                    sorted(lb.securityGroups(), Comparator.naturalOrder()), sorted(lb.subnets(), Comparator.naturalOrder()),
                    sorted(lb.availabilityZones(), Comparator.naturalOrder()),
                    sorted(listeners, Comparator.comparing(Listener::loadBalancerPort,
                            Comparator.nullsFirst(Comparator.naturalOrder()))),
                    attributes.accessLog() == null ? null : attributes.accessLog().enabled(),
                    attributes.accessLog() == null ? null : attributes.accessLog().s3BucketName(),
                    attributes.crossZoneLoadBalancing() == null ? null : attributes.crossZoneLoadBalancing().enabled(),
                    attributes.connectionDraining() == null ? null : attributes.connectionDraining().enabled(),
                    attributes.connectionSettings() == null ? null : attributes.connectionSettings().idleTimeout(),
                    desync, lb.createdTime(), tags.getOrDefault(name, Map.of()));
            return new Observation.Observed<>(prefix + name, name, scope.region(), config);
        });
    }
}
