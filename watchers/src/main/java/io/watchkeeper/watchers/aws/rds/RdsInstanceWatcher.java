package io.watchkeeper.watchers.aws.rds;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBParameterGroupStatus;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/**
 * RDS DB instances with exposure, encryption, backup and protection settings, the server certificate's
 * CA and the TLS parameters set in their parameter groups; tags come with the listing.
 */
@AutoService(Watcher.class)
public final class RdsInstanceWatcher extends AwsWatcher<RdsInstanceConfig> {

    public RdsInstanceWatcher() {
        super("aws.rds.instance", RdsInstanceConfig.class, ScopeKind.REGIONAL, "rds:DescribeDBInstances",
                "rds:DescribeDBParameters");
    }

    @Override
    protected List<Observation<RdsInstanceConfig>> observe(WatchScope scope, AwsSession aws) {
        RdsClient rds = aws.rds(scope.region());
        TlsParameters tls = TlsParameters.ofInstances(rds);
        return describeEach(rds.describeDBInstancesPaginator(r -> r.maxRecords(100)).dbInstances().stream().toList(),
                DBInstance::dbInstanceArn, DBInstance::dbInstanceIdentifier,
                db -> new Observation.Observed<>(db.dbInstanceArn(), db.dbInstanceIdentifier(), scope.region(),
                        config(db, tls)));
    }

    private static RdsInstanceConfig config(DBInstance db, TlsParameters tls) {
        List<String> groups = db.dbParameterGroups().stream().map(DBParameterGroupStatus::dbParameterGroupName)
                .filter(java.util.Objects::nonNull).toList();
        return new RdsInstanceConfig(
                db.dbInstanceIdentifier(),
                db.dbInstanceArn(),
                db.engine(),
                db.engineVersion(),
                db.dbInstanceClass(),
                db.publiclyAccessible(),
                db.storageEncrypted(),
                db.kmsKeyId(),
                sorted(db.vpcSecurityGroups().stream().map(VpcSecurityGroupMembership::vpcSecurityGroupId).toList(),
                        Comparator.naturalOrder()),
                db.dbSubnetGroup() == null ? null : db.dbSubnetGroup().dbSubnetGroupName(),
                db.multiAZ(),
                db.backupRetentionPeriod(),
                db.deletionProtection(),
                db.iamDatabaseAuthenticationEnabled(),
                db.autoMinorVersionUpgrade(),
                db.endpoint() == null ? null : db.endpoint().address(),
                db.endpoint() == null ? null : db.endpoint().port(),
                db.caCertificateIdentifier(),
                sorted(groups, Comparator.naturalOrder()),
                tls.of(groups),
                db.latestRestorableTime(),
                db.dbInstanceStatus(),
                tags(db.tagList(), t -> t.key(), t -> t.value()));
    }
}
