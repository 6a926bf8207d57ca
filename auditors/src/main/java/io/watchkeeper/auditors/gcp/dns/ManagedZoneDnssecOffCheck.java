package io.watchkeeper.auditors.gcp.dns;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpDnsManagedZoneConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 3.3: a public zone whose DNSSEC state is not on. */
@AutoService(Check.class)
public final class ManagedZoneDnssecOffCheck extends GcpCheck<GcpDnsManagedZoneConfig> {

    public ManagedZoneDnssecOffCheck() {
        super("gcp.dns.managed-zone/dnssec-off", GcpDnsManagedZoneConfig.class, Severity.MEDIUM, "Public DNS zone is not signed with DNSSEC",
                "Without DNSSEC, resolvers cannot tell forged answers for the zone from real ones (cache poisoning, hijacking).",
                "Turn DNSSEC on (gcloud dns managed-zones update ZONE --dnssec-state on) and publish the DS record at the registrar.", "3.3");
    }

    @Override
    public List<Evidence> evaluate(GcpDnsManagedZoneConfig zone, AuditContext context) {
        if (zone.visibility() != null && !"public".equalsIgnoreCase(zone.visibility()) || "on".equalsIgnoreCase(zone.dnssecState())) {
            return List.of();
        }
        return List.of(Members.evidence("dnssec", "DNSSEC is " + (zone.dnssecState() == null ? "off" : zone.dnssecState()),
                Exposure.INTERNET, Json.object().put("dnssecState", zone.dnssecState())));
    }
}
