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
    /**
     * Plaintext or unauthenticated-by-default services and cluster control planes: never meant for
     * the internet (file sharing, directory, brokers, dashboards, container and cluster APIs).
     */
    static final Map<Integer, String> SERVICE = new TreeMap<>(Map.ofEntries(Map.entry(21, "FTP"), Map.entry(23, "Telnet"),
            Map.entry(445, "SMB"), Map.entry(139, "NetBIOS"), Map.entry(389, "LDAP"), Map.entry(636, "LDAPS"),
            Map.entry(9092, "Kafka"), Map.entry(5601, "Kibana"), Map.entry(9300, "Elasticsearch transport"),
            Map.entry(5900, "VNC"), Map.entry(5985, "WinRM"), Map.entry(5986, "WinRM over TLS"),
            Map.entry(2375, "Docker API"), Map.entry(2379, "etcd"), Map.entry(6443, "Kubernetes API"),
            Map.entry(10250, "Kubelet"), Map.entry(2049, "NFS"), Map.entry(111, "RPC portmapper")));
    /** Memcached also answers over UDP (and is abused for amplification); the others are TCP only. */
    static final int MEMCACHED = 11211;

    private SensitivePorts() {}

    /** Whether {@code rule} exposes administration port {@code port} (TCP). */
    static boolean exposesAdmin(Rule rule, int port) {
        return Rules.tcp(rule) && rule.covers(port);
    }

    /** Whether {@code rule} exposes service port {@code port} (TCP). */
    static boolean exposesService(Rule rule, int port) {
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
