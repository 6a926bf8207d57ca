package io.watchkeeper.auditors.aws.rds;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The instance is publicly accessible. Its VPC security groups decide exposure: one allowing the DB
 * port from 0.0.0.0/0 or ::/0 makes it the internet, otherwise only a rule change away (internal).
 */
@AutoService(Check.class)
public final class RdsInstancePublicCheck implements Check<RdsInstanceConfig> {

    static final ResourceType SECURITY_GROUP = ResourceType.of("aws.ec2.security-group");

    /** The evidence details: the setting, the port, and the group rules that open the port to everyone. */
    record Details(boolean publiclyAccessible, Integer port, List<String> openedBy) {}

    @Override public CheckId id() { return CheckId.of("aws.rds.instance/public"); }
    @Override public Class<RdsInstanceConfig> configType() { return RdsInstanceConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "RDS instance is publicly accessible"; }
    @Override public String rationale() {
        return "A publicly accessible instance has an endpoint resolving to a public address; only its security "
                + "groups stand between the database and the internet.";
    }
    @Override public String remediation() {
        return "Turn off Publicly Accessible (modify-db-instance --no-publicly-accessible) and reach the database "
                + "from inside the VPC, a VPN or a bastion.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:2.3.3"); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(SECURITY_GROUP); }

    @Override
    public List<Evidence> evaluate(RdsInstanceConfig db, AuditContext context) {
        if (!Boolean.TRUE.equals(db.publiclyAccessible())) {
            return List.of();
        }
        List<String> groups = db.vpcSecurityGroupIds() == null ? List.of() : db.vpcSecurityGroupIds();
        List<String> openedBy = context.related(SECURITY_GROUP, SecurityGroupConfig.class).stream()
                .filter(g -> Objects.equals(g.region(), context.region()) && g.config().groupId() != null
                        && groups.contains(g.config().groupId()) && g.config().ingress() != null)
                .flatMap(g -> g.config().ingress().stream().filter(r -> r != null && opens(r, db.endpointPort(), context))
                        .map(r -> g.config().groupId() + " " + r.protocol() + ":" + r.fromPort() + "-" + r.toPort() + ":" + r.source()))
                .sorted().toList();
        Exposure exposure = openedBy.isEmpty() ? Exposure.INTERNAL : Exposure.INTERNET;
        return List.of(Evidence.of("public", openedBy.isEmpty()
                        ? "Publicly accessible; no security group allows the port from the internet yet"
                        : "Publicly accessible and " + openedBy.getFirst().split(" ")[0] + " allows the port from the internet",
                exposure, new Details(true, db.endpointPort(), openedBy)));
    }

    /** A tcp (or all-protocol) rule from 0.0.0.0/0 or ::/0 covering the port (any port when it is not known). */
    private static boolean opens(Rule rule, Integer port, AuditContext context) {
        return Set.of("-1", "tcp", "6").contains(String.valueOf(rule.protocol())) && (port == null || rule.covers(port))
                && rule.source() != null && String.valueOf(rule.sourceType()).startsWith("cidr")
                && context.classifyNetwork(rule.source()) == EntityClass.INTERNET;
    }
}
