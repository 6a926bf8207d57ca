package io.watchkeeper.watchers.aws.rds;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.RdsSnapshotConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * RDS DB snapshots the account owns: one page per 100 (tags included), and for manual snapshots one
 * attributes call for whom they are shared with (automated snapshots cannot be shared).
 */
@AutoService(Watcher.class)
public final class RdsSnapshotWatcher extends AwsWatcher<RdsSnapshotConfig> {

    public RdsSnapshotWatcher() {
        super("aws.rds.snapshot", RdsSnapshotConfig.class, ScopeKind.REGIONAL, "rds:DescribeDBSnapshots",
                "rds:DescribeDBSnapshotAttributes");
    }

    @Override
    protected List<Observation<RdsSnapshotConfig>> observe(WatchScope scope, AwsSession aws) {
        RdsClient rds = aws.rds(scope.region());
        List<DBSnapshot> snapshots = rds.describeDBSnapshotsPaginator(r -> r.maxRecords(100)).dbSnapshots().stream().toList();
        return describeEach(snapshots, DBSnapshot::dbSnapshotArn, DBSnapshot::dbSnapshotIdentifier, s -> {
            List<String> shared = !"manual".equals(s.snapshotType()) ? List.of()
                    : rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier(s.dbSnapshotIdentifier()))
                            .dbSnapshotAttributesResult().dbSnapshotAttributes().stream()
                            .filter(a -> "restore".equals(a.attributeName()))
                            .flatMap(a -> a.attributeValues().stream()).toList();
            var config = new RdsSnapshotConfig(s.dbSnapshotIdentifier(), s.dbSnapshotArn(), s.dbInstanceIdentifier(),
                    s.snapshotType(), s.engine(), s.engineVersion(), s.encrypted(), s.kmsKeyId(), s.allocatedStorage(),
                    s.iamDatabaseAuthenticationEnabled(), s.snapshotCreateTime(), sorted(shared, Comparator.naturalOrder()),
                    s.status(), tags(s.tagList(), t -> t.key(), t -> t.value()));
            return new Observation.Observed<>(s.dbSnapshotArn(), s.dbSnapshotIdentifier(), scope.region(), config);
        });
    }
}
