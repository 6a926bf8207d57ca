package io.watchkeeper.watchers.aws.rds;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.RdsClusterConfig;
import io.watchkeeper.core.config.aws.RdsClusterConfig.Member;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/**
 * RDS DB clusters (Aurora, Multi-AZ DB clusters): one page per 100, tags included, and the TLS parameters
 * of their cluster parameter groups (read once per customised group and region, not per cluster).
 */
@AutoService(Watcher.class)
public final class RdsClusterWatcher extends AwsWatcher<RdsClusterConfig> {

    public RdsClusterWatcher() {
        super("aws.rds.cluster", RdsClusterConfig.class, ScopeKind.REGIONAL, "rds:DescribeDBClusters",
                "rds:DescribeDBClusterParameters");
    }

    @Override
    protected List<Observation<RdsClusterConfig>> observe(WatchScope scope, AwsSession aws) {
        RdsClient rds = aws.rds(scope.region());
        TlsParameters tls = TlsParameters.ofClusters(rds);
        return describeEach(rds.describeDBClustersPaginator(r -> r.maxRecords(100)).dbClusters().stream().toList(),
                DBCluster::dbClusterArn, DBCluster::dbClusterIdentifier,
                c -> new Observation.Observed<>(c.dbClusterArn(), c.dbClusterIdentifier(), scope.region(), config(c, tls)));
    }

    private static RdsClusterConfig config(DBCluster c, TlsParameters tls) {
        return new RdsClusterConfig(c.dbClusterIdentifier(), c.dbClusterArn(), c.engine(), c.engineVersion(),
                c.engineMode(), c.storageEncrypted(), c.kmsKeyId(), c.iamDatabaseAuthenticationEnabled(),
                c.deletionProtection(), c.backupRetentionPeriod(), c.multiAZ(), c.publiclyAccessible(), c.endpoint(),
                c.readerEndpoint(), c.port(), c.masterUsername(),
                c.masterUserSecret() == null ? null : c.masterUserSecret().secretArn(),
                sorted(c.vpcSecurityGroups().stream().map(VpcSecurityGroupMembership::vpcSecurityGroupId).toList(),
                        Comparator.naturalOrder()),
                c.dbSubnetGroup(),
                sorted(c.dbClusterMembers().stream().map(m -> new Member(m.dbInstanceIdentifier(), m.isClusterWriter()))
                        .toList(), Comparator.comparing(Member::dbInstanceIdentifier)),
                sorted(c.enabledCloudwatchLogsExports(), Comparator.naturalOrder()), c.copyTagsToSnapshot(),
                c.autoMinorVersionUpgrade(), c.activityStreamStatusAsString(), c.httpEndpointEnabled(),
                c.dbClusterParameterGroup(),
                c.dbClusterParameterGroup() == null ? null : tls.of(List.of(c.dbClusterParameterGroup())),
                c.backtrackWindow(), c.clusterCreateTime(), c.status(),
                c.latestRestorableTime(), tags(c.tagList(), t -> t.key(), t -> t.value()));
    }
}
