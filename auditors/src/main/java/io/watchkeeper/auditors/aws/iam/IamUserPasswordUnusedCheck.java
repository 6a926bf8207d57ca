package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamUserConfig;
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
import java.util.List;

/**
 * A console password not used for 45 days; a password never used counts from when it was set
 * (or, when that is unknown, from the user's creation).
 */
@AutoService(Check.class)
public final class IamUserPasswordUnusedCheck implements Check<IamUserConfig> {

    static final Duration UNUSED = Duration.ofDays(45);
    final Clock clock;

    public IamUserPasswordUnusedCheck() { this(Clock.systemUTC()); }
    IamUserPasswordUnusedCheck(Clock clock) { this.clock = clock; }

    @Override public CheckId id() { return CheckId.of("aws.iam.user/password-unused"); }
    @Override public Class<IamUserConfig> configType() { return IamUserConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "IAM user console password unused for 45 days"; }
    @Override public String rationale() {
        return "A password nobody uses can still be phished, guessed or reused from another breach, and its owner"
                + " will not notice a sign-in.";
    }
    @Override public String remediation() {
        return "Remove the user's console password (delete the login profile); recreate it if the user needs it again.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.12"); }

    @Override
    public List<Evidence> evaluate(IamUserConfig user, AuditContext context) {
        if (!user.passwordEnabled()) {
            return List.of();
        }
        Instant set = user.passwordLastChanged() != null ? user.passwordLastChanged() : user.createDate();
        Instant since = user.passwordLastUsed() != null ? user.passwordLastUsed() : set;
        if (since == null || !since.isBefore(clock.instant().minus(UNUSED))) {
            return List.of();
        }
        return List.of(new Evidence("password", user.passwordLastUsed() == null ? "Console password never used, set "
                + set : "Console password last used " + user.passwordLastUsed(), Exposure.INTERNAL,
                Json.object().put("passwordLastUsed", String.valueOf(user.passwordLastUsed()))
                        .put("passwordSet", String.valueOf(set))));
    }
}
