package io.watchkeeper.watchers.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.RdsClusterConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.FaultProxy;
import io.watchkeeper.watchers.testing.Moto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

class RdsClusterWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final RdsClusterWatcher watcher = new RdsClusterWatcher();

    @Test
    void readsAHardenedAndAPlainAuroraCluster() {
        RdsClient rds = moto.client(RdsClient.builder(), REGION);
        rds.createDBCluster(r -> r.dbClusterIdentifier("hardened").engine("aurora-postgresql").masterUsername("admin")
                .masterUserPassword("correct-horse-9").storageEncrypted(true).deletionProtection(true)
                .enableIAMDatabaseAuthentication(true).backupRetentionPeriod(14)
                .enableCloudwatchLogsExports("postgresql").tags(t -> t.key("team").value("ledger")));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("hardened-1").dbClusterIdentifier("hardened")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        rds.createDBCluster(r -> r.dbClusterIdentifier("plain").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("correct-horse-9"));

        Map<String, RdsClusterConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsOnlyKeys("hardened", "plain");
        RdsClusterConfig h = byName.get("hardened");
        assertThat(h.arn()).isEqualTo("arn:aws:rds:eu-west-1:123456789012:cluster:hardened");
        assertThat(h.engine()).isEqualTo("aurora-postgresql");
        assertThat(h.storageEncrypted()).isTrue();
        assertThat(h.deletionProtection()).isTrue();
        assertThat(h.iamDatabaseAuthenticationEnabled()).isTrue();
        assertThat(h.backupRetentionPeriod()).isEqualTo(14);
        assertThat(h.enabledCloudwatchLogsExports()).containsExactly("postgresql");
        assertThat(h.members()).extracting(RdsClusterConfig.Member::dbInstanceIdentifier).containsExactly("hardened-1");
        assertThat(h.tags()).containsEntry("team", "ledger");
        RdsClusterConfig p = byName.get("plain");
        assertThat(p.storageEncrypted()).isNotEqualTo(Boolean.TRUE);
        assertThat(p.deletionProtection()).isNotEqualTo(Boolean.TRUE);
        assertThat(p.enabledCloudwatchLogsExports()).isEmpty();
        assertThat(EphemeralPaths.of(RdsClusterConfig.class).describe())
                .containsExactlyInAnyOrder("status", "latestRestorableTime");
    }

    @Test
    void readsTheTlsParametersOfEachClusterParameterGroupOnce() throws Exception {
        RdsClient rds = moto.client(RdsClient.builder(), REGION);
        rds.createDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("tls-on")
                .dbParameterGroupFamily("aurora-mysql8.0").description("tls"));
        rds.modifyDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("tls-on").parameters(
                p -> p.parameterName("require_secure_transport").parameterValue("ON").applyMethod("immediate"),
                p -> p.parameterName("max_connections").parameterValue("500").applyMethod("immediate")));
        for (String name : List.of("orders", "billing")) {
            rds.createDBCluster(r -> r.dbClusterIdentifier(name).engine("aurora-mysql").masterUsername("admin")
                    .masterUserPassword("correct-horse-9").dbClusterParameterGroupName("tls-on"));
        }
        rds.createDBCluster(r -> r.dbClusterIdentifier("plain").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("correct-horse-9"));

        List<String> actions = Collections.synchronizedList(new ArrayList<>());
        Map<String, RdsClusterConfig> byName;
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())) {
            proxy.fail(seen -> { // nothing fails: the proxy only records the actions
                actions.add(seen.body().replaceAll("^Action=([A-Za-z]+).*$", "$1"));
                return false;
            }, FaultProxy.Fault.serverError());
            Moto.pointProductAt(proxy.endpoint());
            byName = configs(watcher, REGION);
        } finally {
            Moto.pointProductAt(moto.endpoint());
        }
        assertThat(byName.get("orders").dbClusterParameterGroup()).isEqualTo("tls-on");
        assertThat(byName.get("orders").tlsParameters()).isEqualTo(Map.of("require_secure_transport", "ON"));
        assertThat(byName.get("billing").tlsParameters()).isEqualTo(Map.of("require_secure_transport", "ON"));
        assertThat(byName.get("plain").dbClusterParameterGroup()).startsWith("default.");
        assertThat(byName.get("plain").tlsParameters()).isEmpty();
        synchronized (actions) {
            assertThat(actions.stream().filter("DescribeDBClusterParameters"::equals).count())
                    .as("one read for the custom group two clusters share, none for the default group").isEqualTo(1);
        }
    }
}
