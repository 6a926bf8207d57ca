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

/** The password policy lets users reuse one of their last 24 passwords (a missing policy is reported by missing). */
@AutoService(Check.class)
public final class PasswordPolicyReuseAllowedCheck implements Check<PasswordPolicyConfig> {

    static final int REMEMBERED = 24;

    @Override public CheckId id() { return CheckId.of("aws.iam.password-policy/reuse-allowed"); }
    @Override public Class<PasswordPolicyConfig> configType() { return PasswordPolicyConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "Password policy allows reusing recent passwords"; }
    @Override public String rationale() {
        return "Users forced to change a password tend to go back to an old one, including one that has leaked.";
    }
    @Override public String remediation() { return "Set the password policy to prevent reuse of the last 24 passwords."; }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.9"); }

    @Override
    public List<Evidence> evaluate(PasswordPolicyConfig policy, AuditContext context) {
        PasswordPolicyConfig.Settings settings = policy.settings();
        Integer remembered = settings == null ? null : settings.passwordReusePrevention();
        if (settings == null || remembered != null && remembered >= REMEMBERED) {
            return List.of();
        }
        return List.of(new Evidence("reuse-prevention", remembered == null ? "Password reuse is not prevented"
                : "Only the last " + remembered + " passwords cannot be reused (" + REMEMBERED + " expected)",
                Exposure.INTERNAL, Json.object().put("passwordReusePrevention", remembered)));
    }
}
