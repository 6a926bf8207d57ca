package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.PasswordPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/** The account has no IAM password policy, so AWS's weak defaults apply to every console password. */
@AutoService(Check.class)
public final class PasswordPolicyMissingCheck implements Check<PasswordPolicyConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.password-policy/missing"); }
    @Override public Class<PasswordPolicyConfig> configType() { return PasswordPolicyConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Account has no IAM password policy"; }
    @Override public String rationale() {
        return "Without a password policy IAM users may choose short passwords and reuse old ones, which makes"
                + " guessing and credential stuffing easier.";
    }
    @Override public String remediation() {
        return "Set an account password policy: at least 14 characters and preventing reuse of the last 24 passwords.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.8", "CIS-AWS-3.0:1.9"); }

    @Override
    public List<Evidence> evaluate(PasswordPolicyConfig policy, AuditContext context) {
        return policy.settings() != null ? List.of()
                : List.of(Evidence.of("missing", "No account password policy (AWS defaults apply)", Exposure.INTERNAL));
    }
}
