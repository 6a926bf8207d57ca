package io.watchkeeper.auditors.aws.ec2;

import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ports whose exposure to the internet has its own check: remote administration (SSH, RDP)
 * and databases or caches. One list, so the all-ports check can say which of them a wide-open
 * rule exposes.
 */
final class SensitivePorts {

    static final Map<Integer, String> ADMIN = new TreeMap<>(Map.of(22, "SSH", 3389, "RDP"));
    static final Map<Integer, String> DATABASE = new TreeMap<>(Map.of(3306, "MySQL", 5432, "PostgreSQL",
            1433, "SQL Server", 1521, "Oracle", 27017, "MongoDB", 6379, "Redis", 9200, "Elasticsearch",
            5439, "Redshift", 11211, "Memcached", 9042, "Cassandra"));
    /** Memcached also answers over UDP (and is abused for amplification); the others are TCP only. */
    static final int MEMCACHED = 11211;

    private SensitivePorts() {}

    /** Whether {@code rule} exposes administration port {@code port} (TCP). */
    static boolean exposesAdmin(Rule rule, int port) {
        return Rules.tcp(rule) && rule.covers(port);
    }

    /** Whether {@code rule} exposes database port {@code port} (TCP, or UDP for Memcached). */
    static boolean exposesDatabase(Rule rule, int port) {
        return (Rules.tcp(rule) || port == MEMCACHED && Rules.udp(rule)) && rule.covers(port);
    }

    /** "SSH (22), RDP (3389), MySQL (3306)…": the sensitive ports {@code rule} exposes, admin ports first. */
    static List<String> exposedBy(Rule rule) {
        List<String> out = new ArrayList<>();
        ADMIN.forEach((port, name) -> {
            if (exposesAdmin(rule, port)) {
                out.add(name + " (" + port + ")");
            }
        });
        DATABASE.forEach((port, name) -> {
            if (exposesDatabase(rule, port)) {
                out.add(name + " (" + port + ")");
            }
        });
        return out;
    }
}
