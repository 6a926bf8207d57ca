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

/** CIS 6.4: the SSL mode allows unencrypted connections (the legacy requireSsl counts only when no SSL mode is stored). */
@AutoService(Check.class)
public final class SqlInstanceSslNotRequiredCheck extends GcpCheck<GcpSqlInstanceConfig> {

    public SqlInstanceSslNotRequiredCheck() {
        super("gcp.sql.instance/ssl-not-required", GcpSqlInstanceConfig.class, Severity.HIGH, "Cloud SQL instance accepts unencrypted connections",
                "Credentials and data of clients that do not use TLS cross the network in clear text.",
                "Require encrypted connections (gcloud sql instances patch --ssl-mode=ENCRYPTED_ONLY, or TRUSTED_CLIENT_CERTIFICATE_REQUIRED).", "6.4");
    }

    @Override
    public List<Evidence> evaluate(GcpSqlInstanceConfig sql, AuditContext context) {
        String mode = sql.sslMode();
        boolean required = "ENCRYPTED_ONLY".equals(mode) || "TRUSTED_CLIENT_CERTIFICATE_REQUIRED".equals(mode)
                || mode == null && Boolean.TRUE.equals(sql.requireSsl());
        if (required) {
            return List.of();
        }
        return List.of(Members.evidence("ssl", "SSL mode " + (mode == null ? "unset" : mode) + ", requireSsl " + sql.requireSsl(),
                Exposure.INTERNAL, Json.object().put("sslMode", mode).put("requireSsl", sql.requireSsl())));
    }
}
