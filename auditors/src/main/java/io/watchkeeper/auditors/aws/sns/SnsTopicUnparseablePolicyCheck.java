package io.watchkeeper.auditors.aws.sns;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/** The topic policy cannot be read, so the other policy checks cannot vouch for it. */
@AutoService(Check.class)
public final class SnsTopicUnparseablePolicyCheck implements Check<SnsTopicConfig> {

    @Override public CheckId id() { return CheckId.of("aws.sns.topic/unparseable-policy"); }
    @Override public Class<SnsTopicConfig> configType() { return SnsTopicConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "SNS topic policy cannot be audited"; }
    @Override public String rationale() {
        return "Watchkeeper could not read the policy, so nobody checked whether it exposes the topic.";
    }
    @Override public String remediation() {
        return "Review the policy by hand and rewrite it in plain IAM policy grammar (at most a few hundred "
                + "statements).";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(SnsTopicConfig config, AuditContext context) {
        return ResourcePolicyEvidence.unparseable(config.policy(), context);
    }
}
