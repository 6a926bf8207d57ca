package io.watchkeeper.watchers.aws.rds;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.RdsClusterSnapshotConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * RDS DB cluster snapshots the account owns: one page per 100 (tags included), and for manual
 * snapshots one attributes call for whom they are shared with.
 */
@AutoService(Watcher.class)
public final class RdsClusterSnapshotWatcher extends AwsWatcher<RdsClusterSnapshotConfig> {

    public RdsClusterSnapshotWatcher() {
        super("aws.rds.cluster-snapshot", RdsClusterSnapshotConfig.class, ScopeKind.REGIONAL,
                "rds:DescribeDBClusterSnapshots", "rds:DescribeDBClusterSnapshotAttributes");
    }

    @Override
    protected List<Observation<RdsClusterSnapshotConfig>> observe(WatchScope scope, AwsSession aws) {
        RdsClient rds = aws.rds(scope.region());
        List<DBClusterSnapshot> snapshots = rds.describeDBClusterSnapshotsPaginator(r -> r.maxRecords(100))
                .dbClusterSnapshots().stream().toList();
        return describeEach(snapshots, DBClusterSnapshot::dbClusterSnapshotArn, DBClusterSnapshot::dbClusterSnapshotIdentifier,
                s -> {
                    List<String> shared = !"manual".equals(s.snapshotType()) ? List.of()
                            : rds.describeDBClusterSnapshotAttributes(r -> r.dbClusterSnapshotIdentifier(
                                    s.dbClusterSnapshotIdentifier())).dbClusterSnapshotAttributesResult()
                                    .dbClusterSnapshotAttributes().stream()
                                    .filter(a -> "restore".equals(a.attributeName()))
                                    .flatMap(a -> a.attributeValues().stream()).toList();
                    var config = new RdsClusterSnapshotConfig(s.dbClusterSnapshotIdentifier(), s.dbClusterSnapshotArn(),
                            s.dbClusterIdentifier(), s.snapshotType(), s.engine(), s.engineVersion(), s.storageEncrypted(),
                            s.kmsKeyId(), s.allocatedStorage(), s.iamDatabaseAuthenticationEnabled(),
                            s.snapshotCreateTime(), sorted(shared, Comparator.naturalOrder()), s.status(),
                            tags(s.tagList(), t -> t.key(), t -> t.value()));
                    return new Observation.Observed<>(s.dbClusterSnapshotArn(), s.dbClusterSnapshotIdentifier(),
                            scope.region(), config);
                });
    }
}
