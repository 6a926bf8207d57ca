package io.watchkeeper.watchers.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.rds.RdsClient;

class RdsInstanceWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private static final String KEY = "arn:aws:kms:eu-west-1:" + Moto.ACCOUNT_ID + ":key/11111111-2222-3333-4444-555555555555";
    private final RdsInstanceWatcher watcher = new RdsInstanceWatcher();

    @Test
    void readsAPubliclyAccessibleUnencryptedInstance() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        RdsClient rds = moto.client(RdsClient.builder(), REGION);
        String sgB = ec2.createSecurityGroup(r -> r.groupName("db-b").description("b")).groupId();
        String sgA = ec2.createSecurityGroup(r -> r.groupName("db-a").description("a")).groupId();
        List<String> subnets = ec2.describeSubnets().subnets().stream().map(Subnet::subnetId).limit(2).toList();
        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("db-nets").dbSubnetGroupDescription("db").subnetIds(subnets));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("reports").engine("postgres").engineVersion("16.3")
                .dbInstanceClass("db.t3.micro").masterUsername("admin").masterUserPassword("correct-horse-battery")
                .allocatedStorage(20).publiclyAccessible(true).storageEncrypted(false)
                .vpcSecurityGroupIds(sgB, sgA).dbSubnetGroupName("db-nets").backupRetentionPeriod(0)
                .multiAZ(false).deletionProtection(false).enableIAMDatabaseAuthentication(false)
                .autoMinorVersionUpgrade(true).tags(t -> t.key("team").value("bi")));

        List<Observation<RdsInstanceConfig>> observed = observe(watcher, REGION);
        assertThat(observed).hasSize(1);
        var item = (Observation.Observed<RdsInstanceConfig>) observed.getFirst();
        String arn = "arn:aws:rds:eu-west-1:" + Moto.ACCOUNT_ID + ":db:reports";
        assertThat(item.resourceId()).isEqualTo(arn);
        assertThat(item.name()).isEqualTo("reports");
        assertThat(item.region()).isEqualTo(REGION);
        RdsInstanceConfig c = item.config();
        assertThat(c.dbInstanceIdentifier()).isEqualTo("reports");
        assertThat(c.arn()).isEqualTo(arn);
        assertThat(c.engine()).isEqualTo("postgres");
        assertThat(c.engineVersion()).isEqualTo("16.3");
        assertThat(c.instanceClass()).isEqualTo("db.t3.micro");
        assertThat(c.publiclyAccessible()).isTrue();
        assertThat(c.storageEncrypted()).isFalse();
        assertThat(c.kmsKeyId()).isNull();
        assertThat(c.vpcSecurityGroupIds()).containsExactly(sgA.compareTo(sgB) < 0 ? new String[] {sgA, sgB} : new String[] {sgB, sgA});
        assertThat(c.dbSubnetGroup()).isEqualTo("db-nets");
        assertThat(c.multiAz()).isFalse();
        assertThat(c.backupRetentionPeriod()).isZero();
        assertThat(c.deletionProtection()).isFalse();
        assertThat(c.iamDatabaseAuthenticationEnabled()).isFalse();
        assertThat(c.autoMinorVersionUpgrade()).isTrue();
        assertThat(c.endpointAddress()).startsWith("reports.");
        assertThat(c.endpointPort()).isEqualTo(5432);
        assertThat(c.dbInstanceStatus()).isEqualTo("available");
        assertThat(c.tags()).isEqualTo(Map.of("team", "bi"));
    }

    @Test
    void aPrivateEncryptedProtectedInstanceAndOtherRegionsAreNotListed() {
        RdsClient rds = moto.client(RdsClient.builder(), REGION);
        rds.createDBInstance(r -> r.dbInstanceIdentifier("ledger").engine("mysql").dbInstanceClass("db.m5.large")
                .masterUsername("admin").masterUserPassword("correct-horse-battery").allocatedStorage(50)
                .publiclyAccessible(false).storageEncrypted(true).kmsKeyId(KEY).multiAZ(true).backupRetentionPeriod(7)
                .deletionProtection(true).enableIAMDatabaseAuthentication(true).autoMinorVersionUpgrade(false));
        RdsClient east = moto.client(RdsClient.builder(), "us-east-1");
        east.createDBInstance(r -> r.dbInstanceIdentifier("east-db").engine("postgres").dbInstanceClass("db.t3.micro")
                .masterUsername("admin").masterUserPassword("correct-horse-battery").allocatedStorage(20));

        Map<String, RdsInstanceConfig> configs = configs(watcher, REGION);
        assertThat(configs).containsOnlyKeys("ledger");
        RdsInstanceConfig c = configs.get("ledger");
        assertThat(c.engine()).isEqualTo("mysql");
        assertThat(c.publiclyAccessible()).isFalse();
        assertThat(c.storageEncrypted()).isTrue();
        assertThat(c.kmsKeyId()).isEqualTo(KEY);
        assertThat(c.multiAz()).isTrue();
        assertThat(c.backupRetentionPeriod()).isEqualTo(7);
        assertThat(c.deletionProtection()).isTrue();
        assertThat(c.iamDatabaseAuthenticationEnabled()).isTrue();
        assertThat(c.autoMinorVersionUpgrade()).isFalse();
        assertThat(c.tags()).isEmpty();
        assertThat(configs(watcher, "us-east-1")).containsOnlyKeys("east-db");
    }

    @Test
    void readsTheTlsParametersSetInTheInstancesParameterGroupAndItsCa() {
        RdsClient rds = moto.client(RdsClient.builder(), REGION);
        rds.createDBParameterGroup(r -> r.dbParameterGroupName("app-params").dbParameterGroupFamily("postgres14")
                .description("app"));
        rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("app-params").parameters(
                p -> p.parameterName("rds.force_ssl").parameterValue("1").applyMethod("pending-reboot"),
                p -> p.parameterName("work_mem").parameterValue("8192").applyMethod("immediate")));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("tls").engine("postgres").engineVersion("14.12")
                .dbInstanceClass("db.t3.micro").masterUsername("admin").masterUserPassword("correct-horse-battery")
                .allocatedStorage(20).dbParameterGroupName("app-params").caCertificateIdentifier("rds-ca-rsa2048-g1"));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("plain").engine("mysql").dbInstanceClass("db.t3.micro")
                .masterUsername("admin").masterUserPassword("correct-horse-battery").allocatedStorage(20));

        Map<String, RdsInstanceConfig> configs = configs(watcher, REGION);
        assertThat(configs.get("tls").dbParameterGroups()).containsExactly("app-params");
        assertThat(configs.get("tls").tlsParameters()).isEqualTo(Map.of("rds.force_ssl", "1"));
        assertThat(configs.get("tls").caCertificateIdentifier()).isEqualTo("rds-ca-rsa2048-g1");
        assertThat(configs.get("plain").tlsParameters()).isEmpty();
    }

    @Test
    void restoreTimeAndStatusAreEphemeral() {
        assertThat(EphemeralPaths.of(RdsInstanceConfig.class).describe())
                .containsExactlyInAnyOrder("latestRestorableTime", "dbInstanceStatus");
    }
}
