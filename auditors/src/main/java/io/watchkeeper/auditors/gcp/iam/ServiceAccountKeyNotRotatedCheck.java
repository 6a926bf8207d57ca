package io.watchkeeper.auditors.gcp.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CIS 1.7: an enabled user-managed key was created more than 90 days ago. */
@AutoService(Check.class)
public final class ServiceAccountKeyNotRotatedCheck extends GcpCheck<GcpServiceAccountConfig> {

    static final Duration MAX_AGE = Duration.ofDays(90);
    private final Clock clock;

    public ServiceAccountKeyNotRotatedCheck() {
        this(Clock.systemUTC());
    }

    ServiceAccountKeyNotRotatedCheck(Clock clock) {
        super("gcp.iam.service-account/key-not-rotated", GcpServiceAccountConfig.class, Severity.MEDIUM,
                "Service account key older than 90 days",
                "The longer a key lives, the more copies of it exist and the longer a leaked copy keeps working.",
                "Create a new key, move its users to it, then disable and delete the old one (better: stop using keys).",
                "1.7");
        this.clock = clock;
    }

    @Override
    public List<Evidence> evaluate(GcpServiceAccountConfig account, AuditContext context) {
        Instant cutoff = clock.instant().minus(MAX_AGE);
        List<Evidence> out = new ArrayList<>();
        for (var key : Members.list(account.keys())) {
            if (!key.disabled() && key.keyId() != null && key.validAfterTime() != null && key.validAfterTime().isBefore(cutoff)) {
                out.add(Members.evidence("key:" + key.keyId(), "Key " + key.keyId() + " created " + key.validAfterTime(),
                        Exposure.INTERNAL, Json.object().put("keyId", key.keyId())
                        .put("createdAt", key.validAfterTime().toString())));
            }
        }
        return out;
    }
}
