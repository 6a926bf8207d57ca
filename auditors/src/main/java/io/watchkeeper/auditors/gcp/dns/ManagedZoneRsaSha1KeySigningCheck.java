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

/** CIS 3.4: a signed zone's key-signing key spec uses RSASHA1. */
@AutoService(Check.class)
public final class ManagedZoneRsaSha1KeySigningCheck extends GcpCheck<GcpDnsManagedZoneConfig> {

    public ManagedZoneRsaSha1KeySigningCheck() {
        super("gcp.dns.managed-zone/rsasha1-key-signing", GcpDnsManagedZoneConfig.class, Severity.MEDIUM, "DNSSEC key-signing key uses RSASHA1",
                "RSASHA1 relies on SHA-1, which is broken for collisions; DNSSEC signatures with it are deprecated (RFC 8624).",
                "Turn DNSSEC off and on again with a key-signing key spec of RSASHA256, RSASHA512 or ECDSAP256SHA256 (the algorithm of a running zone cannot be changed in place).", "3.4");
    }

    @Override
    public List<Evidence> evaluate(GcpDnsManagedZoneConfig zone, AuditContext context) {
        if (!"on".equalsIgnoreCase(zone.dnssecState()) && !"transfer".equalsIgnoreCase(zone.dnssecState())) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (var spec : Members.list(zone.keySpecs())) {
            if ("keySigning".equalsIgnoreCase(spec.keyType()) && "rsasha1".equalsIgnoreCase(spec.algorithm())) {
                out.add(Members.evidence("key-signing:rsasha1", "The key-signing key uses RSASHA1", Exposure.INTERNET,
                        Json.object().put("keyType", spec.keyType()).put("algorithm", spec.algorithm())));
                break;
            }
        }
        return out;
    }
}
