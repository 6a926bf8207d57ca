package io.watchkeeper.auditors.aws.rds;

import static io.watchkeeper.auditors.rules.Facts.details;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.RdsClusterConfig;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RDS transport security and support status: TLS not enforced by the instance's parameter groups
 * ({@code rds.force_ssl} for PostgreSQL and SQL Server, {@code require_secure_transport} for MySQL and
 * MariaDB) or by the cluster's cluster parameter group (Aurora, Multi-AZ DB clusters), a server
 * certificate from a retired CA, and an engine major version past the end of RDS standard support.
 */
@AutoService(CheckSet.class)
public final class RdsTlsRules implements CheckSet {

    /** CAs AWS retired (rds-ca-2019 expired in August 2024). */
    static final Set<String> RETIRED_CAS = Set.of("rds-ca-2010", "rds-ca-2015", "rds-ca-2019");

    /** MySQL majors whose default parameter group leaves require_secure_transport OFF (8.4 and later: not assumed). */
    static final Set<String> MYSQL_OFF_BY_DEFAULT = Set.of("5.6", "5.7", "8.0");

    private final Clock clock;

    public RdsTlsRules() {
        this(Clock.systemUTC());
    }

    RdsTlsRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.rds.instance/tls-not-enforced", RdsInstanceConfig.class, Severity.MEDIUM)
                        .title("RDS instance accepts unencrypted connections")
                        .why("Clients that do not ask for TLS send passwords and data in clear over the network.")
                        .fix("Set rds.force_ssl to 1 (PostgreSQL, SQL Server) or require_secure_transport to ON (MySQL,"
                                + " MariaDB) in a custom parameter group of the instance, then reboot if the engine needs it.")
                        .evaluate((i, ctx) -> tls(i)),
                RuleCheck.of("aws.rds.cluster/tls-not-enforced", RdsClusterConfig.class, Severity.MEDIUM)
                        .title("RDS cluster accepts unencrypted connections")
                        .why("Clients that do not ask for TLS send passwords and data in clear over the network.")
                        .fix("Set require_secure_transport to ON (Aurora MySQL) or rds.force_ssl to 1 (Aurora PostgreSQL)"
                                + " in a custom DB cluster parameter group of the cluster, then reboot if the engine needs it.")
                        .evaluate((c, ctx) -> tls(c)),
                RuleCheck.of("aws.rds.instance/retired-ca", RdsInstanceConfig.class, Severity.MEDIUM)
                        .title("RDS instance uses a server certificate from a retired CA")
                        .why("Its certificate is expired or about to be, so clients either fail or were told to skip"
                                + " certificate verification, which lets a man in the middle read the connection.")
                        .fix("aws rds modify-db-instance --ca-certificate-identifier rds-ca-rsa2048-g1 (and ship the new"
                                + " CA bundle to clients).")
                        .when(i -> i.caCertificateIdentifier() != null
                                        && RETIRED_CAS.contains(Facts.lower(i.caCertificateIdentifier())), "ca",
                                i -> "Instance " + i.dbInstanceIdentifier() + " uses retired CA " + i.caCertificateIdentifier(),
                                Exposure.INTERNAL, i -> details("caCertificateIdentifier", i.caCertificateIdentifier())),
                RuleCheck.of("aws.rds.instance/engine-version-unsupported", RdsInstanceConfig.class, Severity.MEDIUM)
                        .title("RDS instance runs an engine version past the end of standard support")
                        .why("The version gets no more security fixes from AWS (only paid Extended Support, or a forced"
                                + " upgrade at a time AWS chooses).")
                        .fix("Upgrade to a supported major version (aws rds modify-db-instance --engine-version"
                                + " --allow-major-version-upgrade), after testing on a snapshot.")
                        .evaluate((i, ctx) -> unsupported("Instance " + i.dbInstanceIdentifier(), i.engine(), i.engineVersion())),
                RuleCheck.of("aws.rds.cluster/engine-version-unsupported", RdsClusterConfig.class, Severity.MEDIUM)
                        .title("RDS cluster runs an engine version past the end of standard support")
                        .why("The version gets no more security fixes from AWS (only paid Extended Support, or a forced"
                                + " upgrade at a time AWS chooses).")
                        .fix("Upgrade to a supported major version (aws rds modify-db-cluster --engine-version"
                                + " --allow-major-version-upgrade), after testing on a clone.")
                        .evaluate((c, ctx) -> unsupported("Cluster " + c.dbClusterIdentifier(), c.engine(), c.engineVersion())));
    }

    /** TLS enforcement from the parameters set in the instance's groups, else the engine's default. */
    static List<Evidence> tls(RdsInstanceConfig i) {
        String engine = Facts.lower(i.engine());
        if (engine.startsWith("aurora")) {
            return List.of(); // the cluster's parameter group decides (aws.rds.cluster/tls-not-enforced)
        }
        return tls("Instance " + i.dbInstanceIdentifier(), engine, i.engineVersion(), i.tlsParameters(),
                Facts.list(i.dbParameterGroups()));
    }

    /**
     * TLS enforcement of a DB cluster from the parameters set in its cluster parameter group, else the
     * engine's default: off for Aurora MySQL ({@code require_secure_transport}) and Aurora PostgreSQL
     * ({@code rds.force_ssl}); Multi-AZ DB clusters (mysql, postgres) follow the instance defaults.
     */
    static List<Evidence> tls(RdsClusterConfig c) {
        String group = c.dbClusterParameterGroup();
        return tls("Cluster " + c.dbClusterIdentifier(), Facts.lower(c.engine()), c.engineVersion(), c.tlsParameters(),
                group == null ? List.of() : List.of(group));
    }

    private static List<Evidence> tls(String what, String engine, String version, Map<String, String> parameters,
                                      List<String> groups) {
        if (parameters == null) {
            return List.of(); // not read (stored before the parameters were watched)
        }
        String name;
        boolean enforcedByDefault;
        if (engine.equals("aurora-postgresql")) {
            name = "rds.force_ssl";
            enforcedByDefault = false;
        } else if (engine.equals("aurora-mysql")) {
            name = "require_secure_transport";
            enforcedByDefault = false;
        } else if (engine.equals("postgres")) {
            name = "rds.force_ssl";
            Integer major = firstNumber(version);
            if (major == null) {
                return List.of();
            }
            enforcedByDefault = major >= 15; // on by default since PostgreSQL 15 on RDS
        } else if (engine.startsWith("sqlserver")) {
            name = "rds.force_ssl";
            enforcedByDefault = false;
        } else if (engine.equals("mariadb")
                || engine.equals("mysql") && MYSQL_OFF_BY_DEFAULT.contains(String.valueOf(major(engine, version)))) {
            name = "require_secure_transport";
            enforcedByDefault = false;
        } else {
            return List.of(); // Oracle (option groups), newer MySQL, other Aurora engines
        }
        String value = parameters.get(name);
        boolean enforced = value == null ? enforcedByDefault : on(value);
        if (enforced) {
            return List.of();
        }
        String source = value == null ? "engine default" : "set to " + value;
        return List.of(Evidence.of("tls", Facts.line(what + " does not require TLS (" + name + ": " + source + ")"),
                Exposure.INTERNAL, details("parameter", name, "value", value == null ? "default" : value,
                        "parameterGroups", groups)));
    }

    static boolean on(String value) {
        String v = Facts.lower(value).strip();
        return v.equals("1") || v.equals("on") || v.equals("true");
    }

    List<Evidence> unsupported(String what, String engine, String version) {
        String e = Facts.lower(engine);
        Map<String, LocalDate> ends = EngineSupportCalendar.END_OF_STANDARD_SUPPORT.get(e);
        String major = major(e, version);
        if (ends == null || major == null || !ends.containsKey(major)) {
            return List.of();
        }
        LocalDate end = ends.get(major);
        if (!LocalDate.now(clock.withZone(ZoneOffset.UTC)).isAfter(end)) {
            return List.of();
        }
        return List.of(Evidence.of("engine-version", Facts.line(what + " runs " + engine + " " + version
                        + ", out of standard support since " + end), Exposure.INTERNAL,
                details("engine", engine, "engineVersion", version, "major", major, "endOfStandardSupport", end.toString())));
    }

    /** The major version as the support calendars name it: PostgreSQL 10+ by one number, the others by two. */
    static String major(String engine, String version) {
        if (version == null || !version.matches("\\d+(\\.\\d+)?.*")) {
            return null;
        }
        String[] parts = version.split("\\.");
        boolean postgres = engine.endsWith("postgres") || engine.endsWith("postgresql");
        if (postgres && Integer.parseInt(parts[0]) >= 10 || parts.length < 2 || !parts[1].matches("\\d+")) {
            return parts[0];
        }
        return parts[0] + "." + parts[1];
    }

    private static Integer firstNumber(String version) {
        if (version == null || !version.matches("\\d{1,4}(\\..*)?")) {
            return null;
        }
        return Integer.parseInt(version.split("\\.")[0]);
    }
}
