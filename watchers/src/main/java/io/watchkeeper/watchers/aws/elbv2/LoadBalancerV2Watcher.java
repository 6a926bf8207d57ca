package io.watchkeeper.watchers.aws.elbv2;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.LoadBalancerV2Config;
import io.watchkeeper.core.config.aws.LoadBalancerV2Config.Action;
import io.watchkeeper.core.config.aws.LoadBalancerV2Config.Listener;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.Fanout;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * Application, network and gateway load balancers with listeners and attributes: one page per 400
 * load balancers, one tags call per 20, and two calls per load balancer (listeners, attributes:
 * no list carries them).
 */
@AutoService(Watcher.class)
public final class LoadBalancerV2Watcher extends AwsWatcher<LoadBalancerV2Config> {

    /** DescribeTags takes at most 20 ARNs. */
    private static final int TAG_BATCH = 20;

    public LoadBalancerV2Watcher() {
        super("aws.elbv2.load-balancer", LoadBalancerV2Config.class, ScopeKind.REGIONAL,
                "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeListeners",
                "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTags");
    }

    @Override
    protected List<Observation<LoadBalancerV2Config>> observe(WatchScope scope, AwsSession aws) {
        ElasticLoadBalancingV2Client elb = aws.elbv2(scope.region());
        List<LoadBalancer> all = elb.describeLoadBalancersPaginator(r -> r.pageSize(400)).loadBalancers().stream().toList();
        Map<String, Map<String, String>> tags = new HashMap<>();
        List<List<String>> batches = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += TAG_BATCH) {
            batches.add(all.subList(i, Math.min(all.size(), i + TAG_BATCH)).stream().map(LoadBalancer::loadBalancerArn).toList());
        }
        Fanout.map(batches, batch -> elb.describeTags(r -> r.resourceArns(batch)).tagDescriptions())
                .forEach(list -> list.forEach(d -> tags.put(d.resourceArn(), tags(d.tags(), t -> t.key(), t -> t.value()))));
        return describeEach(all, LoadBalancer::loadBalancerArn, LoadBalancer::loadBalancerName, lb -> {
            String arn = lb.loadBalancerArn();
            Map<String, String> attributes = new TreeMap<>();
            elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn)).attributes()
                    .forEach(a -> attributes.put(a.key(), a.value()));
            List<Listener> listeners = elb.describeListenersPaginator(r -> r.loadBalancerArn(arn)).listeners().stream()
                    .map(l -> new Listener(l.listenerArn(), l.port(), l.protocolAsString(), l.sslPolicy(),
                            sorted(l.certificates().stream().map(c -> c.certificateArn()).toList(), Comparator.naturalOrder()),
                            sorted(l.alpnPolicy(), Comparator.naturalOrder()),
                            l.defaultActions().stream().map(a -> new Action(a.typeAsString(), a.order(),
                                    a.targetGroupArn(),
                                    a.redirectConfig() == null ? null : a.redirectConfig().protocol(),
                                    a.redirectConfig() == null ? null : a.redirectConfig().port(),
                                    a.redirectConfig() != null ? a.redirectConfig().statusCodeAsString()
                                            : a.fixedResponseConfig() != null ? a.fixedResponseConfig().statusCode()
                                            : null)).toList()))
                    .toList();
            var config = new LoadBalancerV2Config(lb.loadBalancerName(), arn, lb.typeAsString(), lb.schemeAsString(),
                    lb.dnsName(), lb.vpcId(), lb.ipAddressTypeAsString(), sorted(lb.securityGroups(), Comparator.naturalOrder()),
                    sorted(lb.availabilityZones().stream().map(z -> z.zoneName()).toList(), Comparator.naturalOrder()),
                    attributes,
                    sorted(listeners, Comparator.comparing(Listener::port, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(Listener::protocol, Comparator.nullsFirst(Comparator.naturalOrder()))),
                    lb.createdTime(), lb.state() == null ? null : lb.state().codeAsString(),
                    tags.getOrDefault(arn, Map.of()));
            return new Observation.Observed<>(arn, lb.loadBalancerName(), scope.region(), config);
        });
    }
}
