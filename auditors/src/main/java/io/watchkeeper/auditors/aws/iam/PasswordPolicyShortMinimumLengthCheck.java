package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.PasswordPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;

/** The password policy allows passwords shorter than 14 characters (a missing policy is reported by missing). */
@AutoService(Check.class)
public final class PasswordPolicyShortMinimumLengthCheck implements Check<PasswordPolicyConfig> {

    static final int MINIMUM = 14;

    @Override public CheckId id() { return CheckId.of("aws.iam.password-policy/short-minimum-length"); }
    @Override public Class<PasswordPolicyConfig> configType() { return PasswordPolicyConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Password policy allows passwords shorter than 14 characters"; }
    @Override public String rationale() { return "Short passwords fall to guessing and offline cracking much faster."; }
    @Override public String remediation() { return "Set the password policy's minimum length to 14 or more."; }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.8"); }

    @Override
    public List<Evidence> evaluate(PasswordPolicyConfig policy, AuditContext context) {
        PasswordPolicyConfig.Settings settings = policy.settings();
        if (settings == null || settings.minimumPasswordLength() != null && settings.minimumPasswordLength() >= MINIMUM) {
            return List.of();
        }
        return List.of(new Evidence("minimum-length", "Minimum password length is "
                + (settings.minimumPasswordLength() == null ? "not set" : settings.minimumPasswordLength())
                + " (at least " + MINIMUM + " expected)", Exposure.INTERNAL,
                Json.object().put("minimumPasswordLength", settings.minimumPasswordLength())));
    }
}
