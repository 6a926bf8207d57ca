package io.watchkeeper.auditors.aws.rds;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.RuleCase;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.finding.Check;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** RDS TLS enforcement from parameter groups, retired CAs, engine versions out of standard support. */
public class RdsTlsRulesTest {

    private static final String TLS = "aws.rds.instance/tls-not-enforced";
    private static final String CA = "aws.rds.instance/retired-ca";
    private static final String VERSION = "aws.rds.instance/engine-version-unsupported";
    private static final String CLUSTER_VERSION = "aws.rds.cluster/engine-version-unsupported";
    private static final String CLUSTER_TLS = "aws.rds.cluster/tls-not-enforced";

    private static String db(String engine, String version, String tls) {
        return "{'dbInstanceIdentifier':'db1','engine':'" + engine + "','engineVersion':'" + version + "',"
                + "'dbParameterGroups':['app-params'],'tlsParameters':" + tls + "}";
    }

    private static String cluster(String engine, String version, String group, String tls) {
        return "{'dbClusterIdentifier':'c1','engine':'" + engine + "','engineVersion':'" + version + "',"
                + "'dbClusterParameterGroup':'" + group + "','tlsParameters':" + tls + "}";
    }

    public static final List<RuleCase> CASES = List.of(
            fails(CLUSTER_TLS, cluster("aurora-mysql", "8.0.mysql_aurora.3.05.2", "default.aurora-mysql8.0", "{}"), "tls"),
            fails(CLUSTER_TLS, cluster("aurora-postgresql", "16.4", "default.aurora-postgresql16", "{}"), "tls"),
            fails(CLUSTER_TLS, cluster("aurora-mysql", "8.0.mysql_aurora.3.05.2", "app",
                    "{'require_secure_transport':'OFF'}"), "tls"),
            fails(CLUSTER_TLS, cluster("aurora-postgresql", "16.4", "app", "{'rds.force_ssl':'0'}"), "tls"),
            passes(CLUSTER_TLS, cluster("aurora-mysql", "8.0.mysql_aurora.3.05.2", "app",
                    "{'require_secure_transport':'ON'}"), "required in the cluster parameter group"),
            passes(CLUSTER_TLS, cluster("aurora-postgresql", "16.4", "app", "{'rds.force_ssl':'1'}"),
                    "forced in the cluster parameter group"),
            fails(CLUSTER_TLS, cluster("aurora-mysql", "8.0.mysql_aurora.3.05.2", "app", "{'rds.force_ssl':'1'}"), "tls"),
            passes(CLUSTER_TLS, cluster("postgres", "16.3", "default.postgres16", "{}"),
                    "Multi-AZ DB cluster on PostgreSQL 15+: forced by default"),
            fails(CLUSTER_TLS, cluster("mysql", "8.0.36", "default.mysql8.0", "{}"), "tls"),
            passes(CLUSTER_TLS, "{'dbClusterIdentifier':'c1','engine':'aurora-mysql','engineVersion':'8.0.mysql_aurora.3.05.2'}",
                    "parameters not read (stored before they were watched): unknown"),
            passes(CLUSTER_TLS, cluster("neptune", "1.3.2.0", "default.neptune1.3", "{}"), "not an RDS TLS parameter engine"),
            fails(TLS, db("postgres", "14.12", "{}"), "tls"),
            fails(TLS, db("postgres", "16.3", "{'rds.force_ssl':'0'}"), "tls"),
            passes(TLS, db("postgres", "16.3", "{}"), "PostgreSQL 15+ forces TLS by default"),
            passes(TLS, db("postgres", "14.12", "{'rds.force_ssl':'1'}"), "forced in the parameter group"),
            fails(TLS, db("mysql", "8.0.36", "{}"), "tls"),
            fails(TLS, db("mysql", "8.0.36", "{'require_secure_transport':'OFF'}"), "tls"),
            passes(TLS, db("mysql", "8.0.36", "{'require_secure_transport':'ON'}"), "required"),
            passes(TLS, db("mysql", "8.4.3", "{}"), "8.4 defaults are not assumed"),
            fails(TLS, db("mariadb", "10.11.8", "{'require_secure_transport':'0'}"), "tls"),
            passes(TLS, db("mariadb", "10.11.8", "{'require_secure_transport':'1'}"), "required"),
            fails(TLS, db("sqlserver-se", "15.00.4365.2.v1", "{}"), "tls"),
            passes(TLS, db("sqlserver-se", "15.00.4365.2.v1", "{'rds.force_ssl':'1'}"), "forced"),
            passes(TLS, db("aurora-postgresql", "13.9", "{}"), "Aurora: the cluster parameter group decides"),
            passes(TLS, db("oracle-ee", "19.0.0.0.ru-2024-04.rur-2024-04.r1", "{}"), "Oracle: option groups"),
            passes(TLS, "{'dbInstanceIdentifier':'db1','engine':'mysql','engineVersion':'8.0.36'}",
                    "parameters not read (stored before they were watched): unknown"),
            fails(CA, "{'dbInstanceIdentifier':'db1','caCertificateIdentifier':'rds-ca-2019'}", "ca"),
            passes(CA, "{'dbInstanceIdentifier':'db1','caCertificateIdentifier':'rds-ca-rsa2048-g1'}", "current CA"),
            passes(CA, "{'dbInstanceIdentifier':'db1'}", "not reported"),
            fails(VERSION, "{'dbInstanceIdentifier':'db1','engine':'postgres','engineVersion':'11.22'}", "engine-version"),
            fails(VERSION, "{'dbInstanceIdentifier':'db1','engine':'mysql','engineVersion':'5.7.44'}", "engine-version"),
            fails(VERSION, "{'dbInstanceIdentifier':'db1','engine':'postgres','engineVersion':'9.6.24'}", "engine-version"),
            passes(VERSION, "{'dbInstanceIdentifier':'db1','engine':'postgres','engineVersion':'16.3'}", "supported"),
            passes(VERSION, "{'dbInstanceIdentifier':'db1','engine':'mysql','engineVersion':'8.4.3'}", "supported"),
            passes(VERSION, "{'dbInstanceIdentifier':'db1','engine':'postgres','engineVersion':'111.2'}",
                    "look-alike: 111 is not 11"),
            fails(CLUSTER_VERSION, "{'dbClusterIdentifier':'c1','engine':'aurora-mysql','engineVersion':"
                    + "'5.7.mysql_aurora.2.11.2'}", "engine-version"),
            passes(CLUSTER_VERSION, "{'dbClusterIdentifier':'c1','engine':'aurora-mysql','engineVersion':"
                    + "'8.0.mysql_aurora.3.05.2'}", "Aurora MySQL 3"),
            passes(CLUSTER_VERSION, "{'dbClusterIdentifier':'c1','engine':'aurora-postgresql','engineVersion':'16.2'}",
                    "supported"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    @Test
    void everyCheckHasAFailingAndAPassingExample() {
        assertThat(RuleCase.covered(CASES)).containsExactlyInAnyOrder(TLS, CA, VERSION, CLUSTER_VERSION, CLUSTER_TLS);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aVersionFailsOnlyAfterItsEndOfStandardSupport() {
        RdsInstanceConfig pg13 = Configs.parse(RdsInstanceConfig.class,
                "{'dbInstanceIdentifier':'db1','engine':'postgres','engineVersion':'13.15'}");
        Check<RdsInstanceConfig> before = (Check<RdsInstanceConfig>) check(Instant.parse("2026-02-28T23:00:00Z"));
        Check<RdsInstanceConfig> after = (Check<RdsInstanceConfig>) check(Instant.parse("2026-03-01T00:00:01Z"));
        assertThat(before.evaluate(pg13, new TestContext())).isEmpty();
        assertThat(after.evaluate(pg13, new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo(
                        "Instance db1 runs postgres 13.15, out of standard support since 2026-02-28"));
    }

    /** The dates of AWS's published calendars (EngineSupportCalendar cites them), around each corrected or added date. */
    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
            "mariadb, 10.4.34, 2024-12-01T00:00:00Z, ''",
            "mariadb, 10.4.34, 2025-03-01T00:00:00Z, 2025-02-28",
            "mariadb, 10.5.27, 2025-12-01T00:00:00Z, ''",
            "mariadb, 10.5.27, 2026-03-01T00:00:00Z, 2026-02-28",
            "mariadb, 10.6.20, 2026-08-31T12:00:00Z, ''",
            "mariadb, 10.6.20, 2026-09-01T00:00:00Z, 2026-08-31",
            "mariadb, 10.11.10, 2028-03-01T00:00:00Z, 2028-02-29",
            "postgres, 9.6.24, 2022-02-01T00:00:00Z, 2022-01-18",
            "postgres, 14.15, 2027-03-01T00:00:00Z, 2027-02-28",
            "postgres, 17.2, 2030-02-28T23:59:59Z, ''",
            "mysql, 8.0.40, 2026-07-31T23:59:59Z, ''",
            "mysql, 8.0.40, 2026-08-01T00:00:00Z, 2026-07-31",
            "mysql, 8.4.3, 2029-08-01T00:00:00Z, 2029-07-31"})
    void endOfStandardSupportFollowsTheCalendar(String engine, String version, String now, String end) {
        RdsInstanceConfig db = Configs.parse(RdsInstanceConfig.class, "{'dbInstanceIdentifier':'db1','engine':'" + engine
                + "','engineVersion':'" + version + "'}");
        var evidence = ((Check<RdsInstanceConfig>) check(Instant.parse(now))).evaluate(db, new TestContext());
        if (end == null || end.isEmpty()) {
            assertThat(evidence).isEmpty();
        } else {
            assertThat(evidence).singleElement().satisfies(e -> assertThat(e.message())
                    .endsWith("out of standard support since " + end));
        }
    }

    @Test
    void theTlsFindingNamesTheParameterAndWhereItsValueComesFrom() {
        var evidence = fails(TLS, db("mysql", "8.0.36", "{}"), "tls").run();
        assertThat(evidence.getFirst().message())
                .isEqualTo("Instance db1 does not require TLS (require_secure_transport: engine default)");
    }

    @Test
    void theClusterTlsFindingNamesTheParameterAndTheClusterParameterGroup() {
        var evidence = fails(CLUSTER_TLS, cluster("aurora-postgresql", "16.4", "default.aurora-postgresql16", "{}"),
                "tls").run();
        assertThat(evidence.getFirst().message())
                .isEqualTo("Cluster c1 does not require TLS (rds.force_ssl: engine default)");
        assertThat(evidence.getFirst().details().get("parameterGroups").toString())
                .isEqualTo("[\"default.aurora-postgresql16\"]");
    }

    private static Check<?> check(Instant now) {
        return new RdsTlsRules(Clock.fixed(now, ZoneOffset.UTC)).checks().stream()
                .filter(c -> c.id().id().equals(VERSION)).findFirst().orElseThrow();
    }
}
