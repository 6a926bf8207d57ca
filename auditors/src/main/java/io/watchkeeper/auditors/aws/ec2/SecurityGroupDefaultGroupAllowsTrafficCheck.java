package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** A VPC's "default" security group still has rules (CIS: it must restrict all traffic). */
@AutoService(Check.class)
public final class SecurityGroupDefaultGroupAllowsTrafficCheck implements Check<SecurityGroupConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.security-group/default-group-allows-traffic"); }
    @Override public Class<SecurityGroupConfig> configType() { return SecurityGroupConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "Default security group allows traffic"; }
    @Override public String rationale() {
        return "Resources launched without an explicit group land in the default group; rules there grant access "
                + "nobody chose and make the group hard to audit.";
    }
    @Override public String remediation() {
        return "Remove every inbound and outbound rule of the default group and put resources in purpose-built groups.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:5.4"); }

    @Override
    public List<Evidence> evaluate(SecurityGroupConfig group, AuditContext context) {
        if (!"default".equals(group.groupName())) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (Rule rule : Rules.of(group.ingress())) {
            out.add(Evidence.of(Rules.key("ingress", rule), "Default group allows inbound " + Rules.describe(rule)
                    + " from " + rule.source(), Exposure.INTERNAL, rule));
        }
        for (Rule rule : Rules.of(group.egress())) {
            out.add(Evidence.of(Rules.key("egress", rule), "Default group allows outbound " + Rules.describe(rule)
                    + " to " + rule.source(), Exposure.INTERNAL, rule));
        }
        return out;
    }
}
