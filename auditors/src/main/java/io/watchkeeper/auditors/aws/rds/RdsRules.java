package io.watchkeeper.auditors.aws.rds;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.RdsClusterConfig;
import io.watchkeeper.core.config.aws.RdsClusterSnapshotConfig;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.config.aws.RdsSnapshotConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * RDS snapshots and Aurora cluster snapshots (public, shared with unknown accounts, unencrypted),
 * Aurora clusters (encryption, deletion protection, backups, public access, IAM authentication) and
 * instances (Multi-AZ, IAM authentication).
 */
@AutoService(CheckSet.class)
public final class RdsRules implements CheckSet {

    static final int MIN_BACKUP_DAYS = 7;

    @Override
    public List<Check<?>> checks() {
        List<Check<?>> out = new ArrayList<>();
        out.addAll(snapshots("aws.rds.snapshot", RdsSnapshotConfig.class, "DB snapshot", RdsSnapshotConfig::snapshotId,
                RdsSnapshotConfig::sharedWith, RdsSnapshotConfig::encrypted));
        out.addAll(snapshots("aws.rds.cluster-snapshot", RdsClusterSnapshotConfig.class, "DB cluster snapshot",
                RdsClusterSnapshotConfig::snapshotId, RdsClusterSnapshotConfig::sharedWith,
                RdsClusterSnapshotConfig::storageEncrypted));
        out.add(RuleCheck.of("aws.rds.cluster/unencrypted", RdsClusterConfig.class, Severity.MEDIUM)
                .title("Aurora cluster storage is not encrypted")
                .why("Its storage, backups and snapshots are readable without any KMS permission.")
                .fix("Restore an encrypted copy from a snapshot and switch to it (encryption cannot be turned on in place).")
                .when(c -> Boolean.FALSE.equals(c.storageEncrypted()), "encryption",
                        c -> "Cluster " + c.dbClusterIdentifier() + " is not encrypted", Exposure.INTERNAL,
                        c -> details("storageEncrypted", false)));
        out.add(RuleCheck.of("aws.rds.cluster/deletion-protection-off", RdsClusterConfig.class, Severity.LOW)
                .title("Aurora cluster deletion protection is off")
                .why("One call deletes the cluster and, unless retained, its automated backups.")
                .fix("aws rds modify-db-cluster --deletion-protection.")
                .when(c -> Boolean.FALSE.equals(c.deletionProtection()), "deletion-protection",
                        c -> "Cluster " + c.dbClusterIdentifier() + " can be deleted in one call", Exposure.INTERNAL,
                        c -> details("deletionProtection", false)));
        out.add(RuleCheck.of("aws.rds.cluster/backup-retention-short", RdsClusterConfig.class, Severity.LOW)
                .title("Aurora cluster keeps backups for less than 7 days")
                .why("Corruption or a destructive change noticed after a few days can no longer be undone.")
                .fix("Set the backup retention period to 7 days or more.")
                .when(c -> c.backupRetentionPeriod() != null && c.backupRetentionPeriod() < MIN_BACKUP_DAYS, "backup-retention",
                        c -> "Cluster " + c.dbClusterIdentifier() + " keeps backups " + c.backupRetentionPeriod() + " day(s)",
                        Exposure.INTERNAL, c -> details("backupRetentionPeriod", c.backupRetentionPeriod())));
        out.add(RuleCheck.of("aws.rds.cluster/public", RdsClusterConfig.class, Severity.HIGH)
                .title("RDS cluster is publicly accessible")
                .why("A database with a public address is probed for weak credentials and engine bugs from anywhere.")
                .fix("Set publicly accessible to false and reach the cluster from inside the VPC.")
                .when(c -> Boolean.TRUE.equals(c.publiclyAccessible()), "public",
                        c -> "Cluster " + c.dbClusterIdentifier() + " is publicly accessible", Exposure.INTERNET,
                        c -> details("publiclyAccessible", true)));
        out.add(RuleCheck.of("aws.rds.cluster/iam-auth-off", RdsClusterConfig.class, Severity.LOW)
                .title("Aurora cluster does not accept IAM database authentication")
                .why("Without IAM authentication every client needs a long-lived database password.")
                .fix("aws rds modify-db-cluster --enable-iam-database-authentication.")
                .when(c -> Boolean.FALSE.equals(c.iamDatabaseAuthenticationEnabled()), "iam-auth",
                        c -> "Cluster " + c.dbClusterIdentifier() + " accepts passwords only", Exposure.INTERNAL,
                        c -> details("iamDatabaseAuthenticationEnabled", false)));
        out.add(RuleCheck.of("aws.rds.instance/multi-az-off", RdsInstanceConfig.class, Severity.LOW)
                .title("RDS instance is not Multi-AZ")
                .why("One zone's failure takes the database down until it is restored.")
                .fix("aws rds modify-db-instance --multi-az.")
                .when(i -> Boolean.FALSE.equals(i.multiAz()) && !Facts.lower(i.engine()).startsWith("aurora"), "multi-az",
                        i -> "Instance " + i.dbInstanceIdentifier() + " runs in one zone", Exposure.INTERNAL,
                        i -> details("multiAz", false)));
        out.add(RuleCheck.of("aws.rds.instance/iam-auth-off", RdsInstanceConfig.class, Severity.LOW)
                .title("RDS instance does not accept IAM database authentication")
                .why("Without IAM authentication every client needs a long-lived database password.")
                .fix("aws rds modify-db-instance --enable-iam-database-authentication (MySQL, MariaDB, PostgreSQL).")
                .when(i -> Boolean.FALSE.equals(i.iamDatabaseAuthenticationEnabled()) && supportsIamAuth(i.engine()),
                        "iam-auth", i -> "Instance " + i.dbInstanceIdentifier() + " accepts passwords only",
                        Exposure.INTERNAL, i -> details("iamDatabaseAuthenticationEnabled", false)));
        return List.copyOf(out);
    }

    static boolean supportsIamAuth(String engine) {
        String e = Facts.lower(engine);
        return e.equals("mysql") || e.equals("mariadb") || e.equals("postgres");
    }

    private static <C extends Record> List<Check<?>> snapshots(String type, Class<C> configType, String noun,
                                                               Function<C, String> id, Function<C, List<String>> shared,
                                                               Function<C, Boolean> encrypted) {
        return List.of(
                RuleCheck.of(type + "/public", configType, Severity.CRITICAL)
                        .title(noun + " is public")
                        .why("Any AWS account can restore the snapshot and read the whole database.")
                        .fix("Remove \"all\" from the snapshot's restore attribute (modify-db-"
                                + (type.endsWith("cluster-snapshot") ? "cluster-" : "") + "snapshot-attribute).")
                        .when(c -> list(shared.apply(c)).contains("all"), "share:all",
                                c -> noun + " " + id.apply(c) + " can be restored by any AWS account", Exposure.INTERNET,
                                c -> details("sharedWith", "all")),
                RuleCheck.of(type + "/shared-with-unknown-account", configType, Severity.HIGH)
                        .title(noun + " is shared with an account nobody registered")
                        .why("The other account can restore the snapshot and read the whole database.")
                        .fix("Remove the account from the snapshot's restore attribute, or register it if it is a partner.")
                        .evaluate((c, ctx) -> unknownShares(list(shared.apply(c)), noun + " " + id.apply(c), ctx)),
                RuleCheck.of(type + "/unencrypted", configType, Severity.MEDIUM)
                        .title(noun + " is not encrypted")
                        .why("Whoever can restore or copy the snapshot reads the data without any KMS permission.")
                        .fix("Copy the snapshot with a KMS key, then delete the unencrypted one.")
                        .when(c -> Boolean.FALSE.equals(encrypted.apply(c)), "encryption",
                                c -> noun + " " + id.apply(c) + " is not encrypted", Exposure.INTERNAL,
                                c -> details("encrypted", false)));
    }

    private static List<Evidence> unknownShares(List<String> accounts, String what, AuditContext context) {
        return accounts.stream().filter(a -> a.matches("\\d{12}")).distinct()
                .filter(a -> context.classifyPrincipal(a) == EntityClass.UNKNOWN)
                .map(a -> Evidence.of("share:" + a, Facts.line(what + " is shared with unknown account " + a),
                        Exposure.UNKNOWN_ACCOUNT, details("account", a)))
                .toList();
    }
}
