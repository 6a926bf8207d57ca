package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An active access key created or last rotated more than 90 days ago. */
@AutoService(Check.class)
public final class IamUserAccessKeyNotRotatedCheck implements Check<IamUserConfig> {

    static final Duration MAX_AGE = Duration.ofDays(90);
    final Clock clock;

    public IamUserAccessKeyNotRotatedCheck() { this(Clock.systemUTC()); }
    IamUserAccessKeyNotRotatedCheck(Clock clock) { this.clock = clock; }

    @Override public CheckId id() { return CheckId.of("aws.iam.user/access-key-not-rotated"); }
    @Override public Class<IamUserConfig> configType() { return IamUserConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "IAM user has an active access key older than 90 days"; }
    @Override public String rationale() {
        return "The longer a key lives, the more copies of it exist (laptops, CI, logs) and the longer a leaked"
                + " copy keeps working.";
    }
    @Override public String remediation() {
        return "Create a new key, move its users to it, deactivate and then delete the old one; better, replace"
                + " long-lived keys with roles or IAM Identity Center.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.14"); }

    @Override
    public List<Evidence> evaluate(IamUserConfig user, AuditContext context) {
        Instant cutoff = clock.instant().minus(MAX_AGE);
        List<Evidence> out = new ArrayList<>();
        for (AccessKey key : IdentityStatements.nonNull(user.accessKeys())) {
            if (key.active() && key.lastRotated() != null && key.lastRotated().isBefore(cutoff)) {
                // details leave out the last use: it changes daily and would reopen a justification
                out.add(new Evidence("key:slot" + key.slot(), "Access key " + key.slot() + " last rotated "
                        + key.lastRotated(), Exposure.INTERNAL, Json.object().put("slot", key.slot())
                        .put("lastRotated", key.lastRotated().toString())));
            }
        }
        return IdentityStatements.distinct(out);
    }
}
