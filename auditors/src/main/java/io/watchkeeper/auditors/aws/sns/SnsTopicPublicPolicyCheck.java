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

/** The topic policy lets anyone in. */
@AutoService(Check.class)
public final class SnsTopicPublicPolicyCheck implements Check<SnsTopicConfig> {

    @Override public CheckId id() { return CheckId.of("aws.sns.topic/public-policy"); }
    @Override public Class<SnsTopicConfig> configType() { return SnsTopicConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "SNS topic policy grants access to everyone"; }
    @Override public String rationale() {
        return "A statement for Principal * (or NotPrincipal) that no condition pins to known accounts, the "
                + "organisation, a VPC or trusted networks lets anyone publish to it or subscribe to its messages.";
    }
    @Override public String remediation() {
        return "Name the principals that need the topic, or pin Principal * with aws:SourceOwner, "
                + "aws:SourceAccount or aws:PrincipalOrgID.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(SnsTopicConfig config, AuditContext context) {
        return ResourcePolicyEvidence.publicGrants(config.policy(), context);
    }
}
