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

/** The topic policy lets in an account nobody registered. */
@AutoService(Check.class)
public final class SnsTopicUnknownAccountPolicyCheck implements Check<SnsTopicConfig> {

    @Override public CheckId id() { return CheckId.of("aws.sns.topic/unknown-account-policy"); }
    @Override public Class<SnsTopicConfig> configType() { return SnsTopicConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "SNS topic policy grants access to an unknown account"; }
    @Override public String rationale() {
        return "An account that is neither this one nor registered (friendly or third party) can publish to it "
                + "or subscribe to its messages.";
    }
    @Override public String remediation() {
        return "Remove the statement, or register the account as friendly or third party if the access is intended.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(SnsTopicConfig config, AuditContext context) {
        return ResourcePolicyEvidence.unknownAccountGrants(config.policy(), context);
    }
}
