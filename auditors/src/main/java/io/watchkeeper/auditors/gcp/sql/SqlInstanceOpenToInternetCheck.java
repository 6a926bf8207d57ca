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
import io.watchkeeper.core.finding.EntityClass;
/** CIS 6.5: an authorised network covers the whole internet (0.0.0.0/0 or ::/0) on an instance with a public IP. */
@AutoService(Check.class)
public final class SqlInstanceOpenToInternetCheck extends GcpCheck<GcpSqlInstanceConfig> {

    public SqlInstanceOpenToInternetCheck() {
        super("gcp.sql.instance/open-to-internet", GcpSqlInstanceConfig.class, Severity.CRITICAL, "Cloud SQL instance accepts connections from any address",
                "An authorised network of 0.0.0.0/0 puts the database login in front of every scanner on the internet.",
                "Remove 0.0.0.0/0 from the authorised networks; connect through private IP or the Cloud SQL Auth Proxy.", "6.5");
    }

    @Override
    public List<Evidence> evaluate(GcpSqlInstanceConfig sql, AuditContext context) {
        if (!sql.ipv4Enabled()) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (var net : Members.list(sql.authorizedNetworks())) {
            if (net.value() != null && context.classifyNetwork(net.value()) == EntityClass.INTERNET) {
                out.add(Members.evidence("authorized-network:" + net.value().strip(), "Authorised network " + net.value()
                        + (net.name() == null ? "" : " (" + net.name() + ")"), Exposure.INTERNET,
                        Json.object().put("value", net.value()).put("name", net.name())));
            }
        }
        return out;
    }
}
