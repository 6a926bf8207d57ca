package io.watchkeeper.auditors.aws.sqs;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/** The queue policy lets anyone in. */
@AutoService(Check.class)
public final class SqsQueuePublicPolicyCheck implements Check<SqsQueueConfig> {

    @Override public CheckId id() { return CheckId.of("aws.sqs.queue/public-policy"); }
    @Override public Class<SqsQueueConfig> configType() { return SqsQueueConfig.class; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "SQS queue policy grants access to everyone"; }
    @Override public String rationale() {
        return "A statement for Principal * (or NotPrincipal) that no condition pins to known accounts, the "
                + "organisation, a VPC or trusted networks lets anyone read, send or delete its messages.";
    }
    @Override public String remediation() {
        return "Name the principals that need the queue, or pin Principal * with aws:SourceArn, "
                + "aws:SourceAccount or aws:PrincipalOrgID.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(SqsQueueConfig config, AuditContext context) {
        return ResourcePolicyEvidence.publicGrants(config.policy(), context);
    }
}
