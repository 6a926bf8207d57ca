package io.watchkeeper.auditors.aws.kms;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/** The key policy lets anyone in. */
@AutoService(Check.class)
public final class KmsKeyPublicPolicyCheck implements Check<KmsKeyConfig> {

    @Override public CheckId id() { return CheckId.of("aws.kms.key/public-policy"); }
    @Override public Class<KmsKeyConfig> configType() { return KmsKeyConfig.class; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "KMS key policy grants access to everyone"; }
    @Override public String rationale() {
        return "A statement for Principal * (or NotPrincipal) that no condition pins to known accounts, the "
                + "organisation, a VPC or trusted networks lets anyone decrypt data and sign with the key.";
    }
    @Override public String remediation() {
        return "Name the principals that need the key, or pin Principal * with kms:CallerAccount or "
                + "aws:PrincipalOrgID.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(KmsKeyConfig config, AuditContext context) {
        return ResourcePolicyEvidence.publicGrants(config.policy(), context);
    }
}
