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
import java.util.List;

/**
 * The user can sign in to the console with a password and has no MFA device. Exposure is the
 * internet: the sign-in page is public and the password is the only thing standing in the way.
 */
@AutoService(Check.class)
public final class IamUserConsoleWithoutMfaCheck implements Check<IamUserConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.user/console-without-mfa"); }
    @Override public Class<IamUserConfig> configType() { return IamUserConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "IAM user has a console password but no MFA"; }
    @Override public String rationale() {
        return "Without MFA a phished, reused or guessed password is enough to sign in to the console as the user.";
    }
    @Override public String remediation() {
        return "Enable an MFA device (preferably a hardware key or passkey) for the user, or remove the console"
                + " password if the user does not need the console.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.10"); }

    @Override
    public List<Evidence> evaluate(IamUserConfig user, AuditContext context) {
        if (!user.passwordEnabled() || user.mfaActive()) {
            return List.of();
        }
        return List.of(new Evidence("mfa", "Console password enabled without an MFA device", Exposure.INTERNET,
                Json.object().put("passwordEnabled", true).put("mfaActive", false)));
    }
}
