package io.watchkeeper.auditors.aws.rds;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;

import io.watchkeeper.auditors.testing.RuleCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** RDS and Aurora snapshots, Aurora clusters, instance Multi-AZ and IAM authentication. */
public class RdsRulesTest {

    private static List<RuleCase> snapshots(String type, String encryptedField) {
        return List.of(
                fails(type + "/public", "{'snapshotId':'s1','sharedWith':['all']}", "share:all"),
                passes(type + "/public", "{'snapshotId':'s1','sharedWith':['222222222222']}", "shared with a known account"),
                fails(type + "/shared-with-unknown-account", "{'snapshotId':'s1','sharedWith':['999999999999',"
                        + "'222222222222','333333333333','999999999999']}", "share:999999999999"),
                passes(type + "/shared-with-unknown-account", "{'snapshotId':'s1','sharedWith':['all','222222222222']}",
                        "public is the public check's; a registered account"),
                fails(type + "/unencrypted", "{'snapshotId':'s1','" + encryptedField + "':false}", "encryption"),
                passes(type + "/unencrypted", "{'snapshotId':'s1','" + encryptedField + "':true}", "encrypted"));
    }

    public static final List<RuleCase> CASES;

    static {
        List<RuleCase> all = new ArrayList<>();
        all.addAll(snapshots("aws.rds.snapshot", "encrypted"));
        all.addAll(snapshots("aws.rds.cluster-snapshot", "storageEncrypted"));
        all.addAll(List.of(
                fails("aws.rds.cluster/unencrypted", "{'dbClusterIdentifier':'c','storageEncrypted':false}", "encryption"),
                passes("aws.rds.cluster/unencrypted", "{'dbClusterIdentifier':'c','storageEncrypted':true}", "encrypted"),
                fails("aws.rds.cluster/deletion-protection-off", "{'dbClusterIdentifier':'c','deletionProtection':false}",
                        "deletion-protection"),
                passes("aws.rds.cluster/deletion-protection-off", "{'dbClusterIdentifier':'c','deletionProtection':true}",
                        "on"),
                fails("aws.rds.cluster/backup-retention-short", "{'dbClusterIdentifier':'c','backupRetentionPeriod':1}",
                        "backup-retention"),
                passes("aws.rds.cluster/backup-retention-short", "{'dbClusterIdentifier':'c','backupRetentionPeriod':7}",
                        "a week"),
                fails("aws.rds.cluster/public", "{'dbClusterIdentifier':'c','publiclyAccessible':true}", "public"),
                passes("aws.rds.cluster/public", "{'dbClusterIdentifier':'c','publiclyAccessible':false}", "private"),
                fails("aws.rds.cluster/iam-auth-off", "{'dbClusterIdentifier':'c','iamDatabaseAuthenticationEnabled':false}",
                        "iam-auth"),
                passes("aws.rds.cluster/iam-auth-off", "{'dbClusterIdentifier':'c','iamDatabaseAuthenticationEnabled':true}",
                        "on"),
                fails("aws.rds.instance/multi-az-off", "{'dbInstanceIdentifier':'d','engine':'postgres','multiAz':false}",
                        "multi-az"),
                passes("aws.rds.instance/multi-az-off", "{'dbInstanceIdentifier':'d','engine':'aurora-postgresql',"
                        + "'multiAz':false}", "Aurora instances get availability from the cluster"),
                fails("aws.rds.instance/iam-auth-off", "{'dbInstanceIdentifier':'d','engine':'mysql',"
                        + "'iamDatabaseAuthenticationEnabled':false}", "iam-auth"),
                passes("aws.rds.instance/iam-auth-off", "{'dbInstanceIdentifier':'d','engine':'sqlserver-ex',"
                        + "'iamDatabaseAuthenticationEnabled':false}", "an engine without IAM authentication")));
        CASES = List.copyOf(all);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }
}
