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

/** The queue policy lets in an account nobody registered. */
@AutoService(Check.class)
public final class SqsQueueUnknownAccountPolicyCheck implements Check<SqsQueueConfig> {

    @Override public CheckId id() { return CheckId.of("aws.sqs.queue/unknown-account-policy"); }
    @Override public Class<SqsQueueConfig> configType() { return SqsQueueConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "SQS queue policy grants access to an unknown account"; }
    @Override public String rationale() {
        return "An account that is neither this one nor registered (friendly or third party) can read, send or "
                + "delete its messages.";
    }
    @Override public String remediation() {
        return "Remove the statement, or register the account as friendly or third party if the access is intended.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(SqsQueueConfig config, AuditContext context) {
        return ResourcePolicyEvidence.unknownAccountGrants(config.policy(), context);
    }
}
