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

/** The key policy cannot be read, so the other policy checks cannot vouch for it. */
@AutoService(Check.class)
public final class KmsKeyUnparseablePolicyCheck implements Check<KmsKeyConfig> {

    @Override public CheckId id() { return CheckId.of("aws.kms.key/unparseable-policy"); }
    @Override public Class<KmsKeyConfig> configType() { return KmsKeyConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "KMS key policy cannot be audited"; }
    @Override public String rationale() {
        return "Watchkeeper could not read the policy, so nobody checked whether it exposes the key.";
    }
    @Override public String remediation() {
        return "Review the policy by hand and rewrite it in plain IAM policy grammar (at most a few hundred "
                + "statements).";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(KmsKeyConfig config, AuditContext context) {
        return ResourcePolicyEvidence.unparseable(config.policy(), context);
    }
}
