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

/**
 * CIS AWS 3.0 1.12: an active access key not used for 45 days, or never used and created more than
 * 45 days ago (a key never used counts from its creation). Rotation (1.14, 90 days) is another check.
 */
@AutoService(Check.class)
public final class IamUserAccessKeyUnusedCheck implements Check<IamUserConfig> {

    static final Duration UNUSED = Duration.ofDays(45);
    final Clock clock;

    public IamUserAccessKeyUnusedCheck() { this(Clock.systemUTC()); }
    IamUserAccessKeyUnusedCheck(Clock clock) { this.clock = clock; }

    @Override public CheckId id() { return CheckId.of("aws.iam.user/access-key-unused"); }
    @Override public Class<IamUserConfig> configType() { return IamUserConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "IAM user has an active access key unused for 45 days"; }
    @Override public String rationale() {
        return "A key nobody uses still works for whoever finds it in an old laptop, repository or CI log.";
    }
    @Override public String remediation() { return "Deactivate the key, then delete it once nothing breaks."; }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.12"); }

    @Override
    public List<Evidence> evaluate(IamUserConfig user, AuditContext context) {
        Instant cutoff = clock.instant().minus(UNUSED);
        List<Evidence> out = new ArrayList<>();
        for (AccessKey key : IdentityStatements.nonNull(user.accessKeys())) {
            Instant since = key.lastUsedDate() != null ? key.lastUsedDate() : key.lastRotated();
            if (key.active() && since != null && since.isBefore(cutoff)) {
                out.add(new Evidence("key:slot" + key.slot(), "Access key " + key.slot() + (key.lastUsedDate() == null
                        ? " never used, created " + key.lastRotated() : " last used " + key.lastUsedDate()),
                        Exposure.INTERNAL, Json.tree(key)));
            }
        }
        return IdentityStatements.distinct(out);
    }
}
