package io.watchkeeper.watchers.aws.rds;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Parameter;

/**
 * The TLS-enforcing parameters set by the user in DB parameter groups or DB cluster parameter groups,
 * read once per group and watch (DescribeDBParameters / DescribeDBClusterParameters with source "user":
 * a few calls per customised group however many resources share it, none for the AWS {@code default.*}
 * groups, which cannot be changed and hold the engine defaults).
 */
final class TlsParameters {

    /** PostgreSQL and SQL Server; MySQL and MariaDB. */
    static final Set<String> NAMES = Set.of("rds.force_ssl", "require_secure_transport");

    private final Function<String, Iterable<Parameter>> read;
    private final Map<String, Map<String, String>> byGroup = new ConcurrentHashMap<>();

    private TlsParameters(Function<String, Iterable<Parameter>> read) {
        this.read = read;
    }

    /** Reads DB parameter groups (instances). */
    static TlsParameters ofInstances(RdsClient rds) {
        return new TlsParameters(group -> rds.describeDBParametersPaginator(
                r -> r.dbParameterGroupName(group).source("user")).parameters());
    }

    /** Reads DB cluster parameter groups (Aurora and Multi-AZ DB clusters). */
    static TlsParameters ofClusters(RdsClient rds) {
        return new TlsParameters(group -> rds.describeDBClusterParametersPaginator(
                r -> r.dbClusterParameterGroupName(group).source("user")).parameters());
    }

    /** The TLS parameters the user set in {@code groups}, name to value (later groups win, as RDS applies them). */
    Map<String, String> of(Iterable<String> groups) {
        Map<String, String> out = new TreeMap<>();
        for (String group : groups) {
            out.putAll(byGroup.computeIfAbsent(group, this::read));
        }
        return out;
    }

    private Map<String, String> read(String group) {
        if (group.startsWith("default.")) {
            return Map.of();
        }
        Map<String, String> out = new TreeMap<>();
        for (Parameter p : read.apply(group)) {
            if (p.parameterName() != null && NAMES.contains(p.parameterName()) && p.parameterValue() != null) {
                out.put(p.parameterName(), p.parameterValue().strip());
            }
        }
        return Map.copyOf(out);
    }
}
