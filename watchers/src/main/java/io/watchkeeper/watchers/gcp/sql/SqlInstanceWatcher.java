package io.watchkeeper.watchers.gcp.sql;

import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.InstancesListResponse;
import com.google.api.services.sqladmin.model.Settings;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpSqlInstanceConfig;
import io.watchkeeper.core.config.gcp.GcpSqlInstanceConfig.AuthorizedNetwork;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cloud SQL instances (Cloud SQL Admin v1 REST API): one paged list carries everything. */
@AutoService(Watcher.class)
public final class SqlInstanceWatcher extends GcpWatcher<GcpSqlInstanceConfig> {

    public SqlInstanceWatcher() {
        super("gcp.sql.instance", GcpSqlInstanceConfig.class, "cloudsql.instances.list");
    }

    @Override
    protected List<Observation<GcpSqlInstanceConfig>> observe(GcpSession gcp) {
        List<DatabaseInstance> instances = Pages.all(token -> {
            InstancesListResponse page = GcpSession.call(() -> gcp.sqlAdmin().instances().list(gcp.projectId())
                    .setMaxResults(500L).setPageToken(token).execute());
            return new Pages.Page<>(page.getItems(), page.getNextPageToken());
        });
        return instances.stream().<Observation<GcpSqlInstanceConfig>>map(i -> observed(
                GcpNames.fullName("cloudsql", "projects/" + gcp.projectId() + "/instances/" + i.getName()), i.getName(),
                i.getRegion(), config(i))).toList();
    }

    private static GcpSqlInstanceConfig config(DatabaseInstance i) {
        Settings s = i.getSettings() == null ? new Settings() : i.getSettings();
        var ip = s.getIpConfiguration();
        var backup = s.getBackupConfiguration();
        Map<String, String> flags = new TreeMap<>();
        if (s.getDatabaseFlags() != null) {
            s.getDatabaseFlags().forEach(f -> flags.put(f.getName(), f.getValue() == null ? "" : f.getValue()));
        }
        List<AuthorizedNetwork> networks = ip == null || ip.getAuthorizedNetworks() == null ? List.of()
                : ip.getAuthorizedNetworks().stream().map(a -> new AuthorizedNetwork(a.getName(), a.getValue()))
                        .sorted(Comparator.comparing(AuthorizedNetwork::value, Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(a -> String.valueOf(a.name()))).toList();
        List<String> publicAddresses = i.getIpAddresses() == null ? List.of() : GcpNames.sorted(i.getIpAddresses().stream()
                .filter(a -> "PRIMARY".equals(a.getType())).map(a -> a.getIpAddress()).toList());
        return new GcpSqlInstanceConfig(i.getName(), i.getDatabaseVersion(), i.getRegion(), i.getInstanceType(), s.getTier(),
                i.getState(), s.getActivationPolicy(), s.getAvailabilityType(),
                ip != null && Boolean.TRUE.equals(ip.getIpv4Enabled()), ip == null ? null : ip.getPrivateNetwork(), networks,
                ip == null ? null : ip.getRequireSsl(), ip == null ? null : ip.getSslMode(), publicAddresses,
                backup != null && Boolean.TRUE.equals(backup.getEnabled()),
                backup != null && Boolean.TRUE.equals(backup.getPointInTimeRecoveryEnabled()),
                backup != null && Boolean.TRUE.equals(backup.getBinaryLogEnabled()), flags,
                Boolean.TRUE.equals(s.getDeletionProtectionEnabled()), GcpNames.labels(s.getUserLabels()),
                GcpNames.time(i.getCreateTime()));
    }
}
