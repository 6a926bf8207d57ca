package io.watchkeeper.auditors.gcp.apikeys;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpApiKeyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** CIS 1.15: an API key created more than 90 days ago (keys are never rotated in place, only replaced). */
@AutoService(Check.class)
public final class ApiKeyNotRotatedCheck extends GcpCheck<GcpApiKeyConfig> {

    static final Duration MAX_AGE = Duration.ofDays(90);
    private final Clock clock;

    public ApiKeyNotRotatedCheck() {
        this(Clock.systemUTC());
    }

    ApiKeyNotRotatedCheck(Clock clock) {
        super("gcp.apikeys.key/not-rotated", GcpApiKeyConfig.class, Severity.LOW, "API key older than 90 days",
                "An old key has had more time to be copied into places nobody tracks; replacing it cuts those copies off.",
                "Create a new key with the same restrictions, move its users, then delete the old one.", "1.15");
        this.clock = clock;
    }

    @Override
    public List<Evidence> evaluate(GcpApiKeyConfig key, AuditContext context) {
        if (key.createTime() == null || !key.createTime().isBefore(clock.instant().minus(MAX_AGE))) {
            return List.of();
        }
        return List.of(Members.evidence("age", "Created " + key.createTime(), Exposure.INTERNAL,
                Json.object().put("createTime", key.createTime().toString())));
    }
}
