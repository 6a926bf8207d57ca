package io.watchkeeper.auditors.gcp.sql;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpSqlInstanceConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 6.7: automated backups are off on a primary instance (read replicas have none of their own). */
@AutoService(Check.class)
public final class SqlInstanceBackupsOffCheck extends GcpCheck<GcpSqlInstanceConfig> {

    public SqlInstanceBackupsOffCheck() {
        super("gcp.sql.instance/backups-off", GcpSqlInstanceConfig.class, Severity.MEDIUM, "Cloud SQL instance has no automated backups",
                "Without backups a deletion, corruption or ransomware leaves nothing to restore.",
                "Enable automated backups (gcloud sql instances patch --backup-start-time=HH:MM).", "6.7");
    }

    @Override
    public List<Evidence> evaluate(GcpSqlInstanceConfig sql, AuditContext context) {
        if (sql.backupEnabled() || sql.instanceType() != null && !"CLOUD_SQL_INSTANCE".equals(sql.instanceType())) {
            return List.of(); // replicas are backed up through their primary
        }
        return List.of(Members.evidence("backups", "Automated backups are off", Exposure.INTERNAL,
                Json.object().put("backupEnabled", false)));
    }
}
