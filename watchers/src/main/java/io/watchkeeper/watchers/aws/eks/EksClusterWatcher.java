package io.watchkeeper.watchers.aws.eks;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.EksClusterConfig;
import io.watchkeeper.core.config.aws.EksClusterConfig.Encryption;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

/** EKS clusters: one page per 100 names, one DescribeCluster per cluster (the list carries names only). */
@AutoService(Watcher.class)
public final class EksClusterWatcher extends AwsWatcher<EksClusterConfig> {

    public EksClusterWatcher() {
        super("aws.eks.cluster", EksClusterConfig.class, ScopeKind.REGIONAL, "eks:ListClusters", "eks:DescribeCluster");
    }

    @Override
    protected List<Observation<EksClusterConfig>> observe(WatchScope scope, AwsSession aws) {
        EksClient eks = aws.eks(scope.region());
        String prefix = "arn:aws:eks:" + scope.region() + ":" + aws.accountId() + ":cluster/";
        List<String> names = eks.listClustersPaginator(r -> r.maxResults(100)).stream()
                .flatMap(page -> page.clusters().stream()).toList();
        return describeEach(names, name -> prefix + name, name -> name, name -> {
            Cluster c = eks.describeCluster(r -> r.name(name)).cluster();
            return new Observation.Observed<>(c.arn() == null ? prefix + name : c.arn(), name, scope.region(), config(c));
        });
    }

    private static EksClusterConfig config(Cluster c) {
        var vpc = c.resourcesVpcConfig();
        List<String> logTypes = c.logging() == null ? List.of() : c.logging().clusterLogging().stream()
                .filter(l -> Boolean.TRUE.equals(l.enabled()))
                .flatMap(l -> l.typesAsStrings().stream()).distinct().toList();
        return new EksClusterConfig(c.name(), c.arn(), c.version(), c.roleArn(),
                vpc == null ? null : vpc.endpointPublicAccess(),
                vpc == null ? List.of() : sorted(vpc.publicAccessCidrs(), Comparator.naturalOrder()),
                vpc == null ? null : vpc.endpointPrivateAccess(), vpc == null ? null : vpc.vpcId(),
                vpc == null ? List.of() : sorted(vpc.subnetIds(), Comparator.naturalOrder()),
                vpc == null ? List.of() : sorted(vpc.securityGroupIds(), Comparator.naturalOrder()),
                vpc == null ? null : vpc.clusterSecurityGroupId(),
                sorted(logTypes, Comparator.naturalOrder()),
                c.encryptionConfig().stream().map(e -> new Encryption(sorted(e.resources(), Comparator.naturalOrder()),
                        e.provider() == null ? null : e.provider().keyArn())).toList(),
                c.accessConfig() == null ? null : c.accessConfig().authenticationModeAsString(),
                c.createdAt(), c.platformVersion(), c.statusAsString(), new TreeMap<>(c.tags()));
    }
}
