package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** EC2 security groups with flattened, sorted ingress and egress rules; one paginated call per region. */
@AutoService(Watcher.class)
public final class SecurityGroupWatcher extends AwsWatcher<SecurityGroupConfig> {

    private static final Comparator<Rule> ORDER = Comparator.comparing(Rule::protocol)
            .thenComparing(Rule::fromPort, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Rule::toPort, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Rule::sourceType)
            .thenComparing(Rule::source);

    public SecurityGroupWatcher() {
        super("aws.ec2.security-group", SecurityGroupConfig.class, ScopeKind.REGIONAL, "ec2:DescribeSecurityGroups");
    }

    @Override
    protected List<Observation<SecurityGroupConfig>> observe(WatchScope scope, AwsSession aws) {
        return aws.ec2(scope.region()).describeSecurityGroupsPaginator(r -> r.maxResults(1000))
                .securityGroups().stream()
                .<Observation<SecurityGroupConfig>>map(sg -> new Observation.Observed<>(
                        "arn:aws:ec2:" + scope.region() + ":" + sg.ownerId() + ":security-group/" + sg.groupId(),
                        sg.groupName(), scope.region(), config(sg)))
                .toList();
    }

    private static SecurityGroupConfig config(SecurityGroup sg) {
        return new SecurityGroupConfig(sg.groupId(), sg.groupName(), sg.description(), sg.vpcId(), sg.ownerId(),
                rules(sg.ipPermissions()), rules(sg.ipPermissionsEgress()), tags(sg.tags(), t -> t.key(), t -> t.value()));
    }

    private static List<Rule> rules(List<IpPermission> permissions) {
        List<Rule> rules = new ArrayList<>();
        for (IpPermission p : permissions) {
            String protocol = p.ipProtocol();
            p.ipRanges().forEach(r -> rules.add(new Rule(protocol, p.fromPort(), p.toPort(), "cidr4", r.cidrIp(), r.description())));
            p.ipv6Ranges().forEach(r -> rules.add(new Rule(protocol, p.fromPort(), p.toPort(), "cidr6", r.cidrIpv6(), r.description())));
            p.userIdGroupPairs().forEach(g -> rules.add(new Rule(protocol, p.fromPort(), p.toPort(), "security-group",
                    (g.userId() == null ? "" : g.userId() + "/") + g.groupId(), g.description())));
            p.prefixListIds().forEach(l -> rules.add(new Rule(protocol, p.fromPort(), p.toPort(), "prefix-list",
                    l.prefixListId(), l.description())));
        }
        return sorted(rules, ORDER);
    }
}
