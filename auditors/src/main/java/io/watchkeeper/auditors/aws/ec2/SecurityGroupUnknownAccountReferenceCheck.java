package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingress from a security group of an account nobody registered, or from an unregistered public
 * network wider than an IPv4 /24 (IPv6 /48): Security Monkey's "unknown cross-account" access.
 */
@AutoService(Check.class)
public final class SecurityGroupUnknownAccountReferenceCheck implements Check<SecurityGroupConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.security-group/unknown-account-reference"); }
    @Override public Class<SecurityGroupConfig> configType() { return SecurityGroupConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Security group allows traffic from an unknown account or network"; }
    @Override public String rationale() {
        return "Access granted to an account or a large network nobody registered is access nobody reviews; it often "
                + "outlives a vendor, a migration or a mistyped account id.";
    }
    @Override public String remediation() {
        return "Remove the rule, or register the account (friendly or third party) or the network (trusted) if it is known.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(SecurityGroupConfig group, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (Rule rule : Rules.of(group.ingress())) {
            String source = rule.source();
            if (source == null || source.isBlank() || context.classifyNetwork(source) != EntityClass.UNKNOWN) {
                continue;
            }
            int slash = source.indexOf('/');
            String what = "security-group".equals(rule.sourceType()) && slash > 0
                    ? "security group " + source.substring(slash + 1) + " of unknown account " + source.substring(0, slash)
                    : String.valueOf(rule.sourceType()).startsWith("cidr") && wide(source)
                    ? "unregistered public network " + source : null;
            if (what != null) {
                out.add(Evidence.of(Rules.key("ingress", rule), Rules.describe(rule) + " allowed from " + what,
                        Exposure.UNKNOWN_ACCOUNT, rule));
            }
        }
        return out;
    }

    /** Wider than an IPv4 /24 or an IPv6 /48; false for single addresses and unparseable text. */
    static boolean wide(String cidr) {
        try {
            int slash = cidr.indexOf('/');
            return slash > 0 && Integer.parseInt(cidr.substring(slash + 1).trim()) < (cidr.indexOf(':') >= 0 ? 48 : 24);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
