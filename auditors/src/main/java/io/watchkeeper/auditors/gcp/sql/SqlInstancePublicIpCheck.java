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

/** CIS 6.6 and 6.2.9 (IP assignment private): the instance has a public IPv4 address. */
@AutoService(Check.class)
public final class SqlInstancePublicIpCheck extends GcpCheck<GcpSqlInstanceConfig> {

    public SqlInstancePublicIpCheck() {
        super("gcp.sql.instance/public-ip", GcpSqlInstanceConfig.class, Severity.MEDIUM, "Cloud SQL instance has a public IP address",
                "A public address is one authorised-network mistake away from exposing the database, and is reachable for attacks on the proxy and TLS stack.",
                "Configure private IP, move clients to it, then disable the public IP (gcloud sql instances patch --no-assign-ip).", "6.6", "6.2.9");
    }

    @Override
    public List<Evidence> evaluate(GcpSqlInstanceConfig sql, AuditContext context) {
        if (!sql.ipv4Enabled() || "READ_REPLICA_INSTANCE".equals(sql.instanceType()) && Members.list(sql.publicAddresses()).isEmpty()) {
            return List.of();
        }
        return List.of(Members.evidence("public-ip", "The instance has a public IPv4 address", Exposure.INTERNAL,
                Json.object().put("ipv4Enabled", true)));
    }
}
