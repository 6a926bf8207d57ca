package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.VpcConfig;
import io.watchkeeper.core.config.aws.VpcConfig.FlowLog;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** VPCs with their flow logs: two paginated calls per region (every VPC, every flow log), joined here. */
@AutoService(Watcher.class)
public final class VpcWatcher extends AwsWatcher<VpcConfig> {

    public VpcWatcher() {
        super("aws.ec2.vpc", VpcConfig.class, ScopeKind.REGIONAL, "ec2:DescribeVpcs", "ec2:DescribeFlowLogs");
    }

    @Override
    protected List<Observation<VpcConfig>> observe(WatchScope scope, AwsSession aws) {
        Ec2Client ec2 = aws.ec2(scope.region());
        List<Vpc> vpcs = ec2.describeVpcsPaginator(r -> r.maxResults(1000)).vpcs().stream().toList();
        Map<String, List<FlowLog>> flowLogs = vpcs.isEmpty() ? Map.of()
                : ec2.describeFlowLogsPaginator(r -> r.maxResults(1000)).flowLogs().stream()
                        .filter(f -> f.resourceId() != null && f.resourceId().startsWith("vpc-"))
                        .collect(Collectors.groupingBy(f -> f.resourceId(), Collectors.mapping(f -> new FlowLog(
                                f.flowLogId(), f.trafficTypeAsString(), f.logDestinationTypeAsString(),
                                f.logDestination(), f.logGroupName(), f.deliverLogsPermissionArn(), f.logFormat(),
                                f.maxAggregationInterval(), f.flowLogStatus(), f.deliverLogsStatus(),
                                f.creationTime()), Collectors.toList())));
        return vpcs.stream().<Observation<VpcConfig>>map(v -> {
            Map<String, String> tags = tags(v.tags(), t -> t.key(), t -> t.value());
            var config = new VpcConfig(v.vpcId(), v.ownerId(), v.cidrBlock(),
                    sorted(v.cidrBlockAssociationSet().stream()
                            .filter(a -> a.cidrBlockState() == null || "associated".equals(a.cidrBlockState().stateAsString()))
                            .map(a -> a.cidrBlock()).toList(), Comparator.naturalOrder()),
                    sorted(v.ipv6CidrBlockAssociationSet().stream()
                            .filter(a -> a.ipv6CidrBlockState() == null
                                    || "associated".equals(a.ipv6CidrBlockState().stateAsString()))
                            .map(a -> a.ipv6CidrBlock()).toList(), Comparator.naturalOrder()),
                    v.isDefault(), v.instanceTenancyAsString(), v.dhcpOptionsId(),
                    sorted(flowLogs.getOrDefault(v.vpcId(), List.of()), Comparator.comparing(FlowLog::flowLogId)),
                    tags);
            return new Observation.Observed<>("arn:aws:ec2:" + scope.region() + ":" + v.ownerId() + ":vpc/" + v.vpcId(),
                    nameTag(tags, v.vpcId()), scope.region(), config);
        }).toList();
    }
}
