package io.watchkeeper.auditors.aws.ec2;

import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a security group guards something the internet can reach: an EC2 instance with a public
 * IP, or a publicly accessible RDS instance, in the group's region. An open rule on such a group is
 * an internet exposure; on any other group it is a loaded gun, scored as an internal weakness.
 */
final class Reachability {

    static final ResourceType INSTANCE = ResourceType.of("aws.ec2.instance");
    static final ResourceType RDS_INSTANCE = ResourceType.of("aws.rds.instance");
    static final Set<ResourceType> TYPES = Set.of(INSTANCE, RDS_INSTANCE);

    private Reachability() {}

    static boolean publiclyReachable(SecurityGroupConfig group, AuditContext context) {
        String groupId = group.groupId();
        if (groupId == null) {
            return false;
        }
        return context.related(INSTANCE, Ec2InstanceConfig.class).stream()
                .anyMatch(i -> Objects.equals(i.region(), context.region()) && i.config().hasPublicIp()
                        && uses(i.config().securityGroupIds(), groupId))
                || context.related(RDS_INSTANCE, RdsInstanceConfig.class).stream()
                .anyMatch(d -> Objects.equals(d.region(), context.region())
                        && Boolean.TRUE.equals(d.config().publiclyAccessible())
                        && uses(d.config().vpcSecurityGroupIds(), groupId));
    }

    /** {@link Exposure#INTERNET} when the group is publicly reachable, else {@link Exposure#INTERNAL}. */
    static Exposure exposure(SecurityGroupConfig group, AuditContext context) {
        return publiclyReachable(group, context) ? Exposure.INTERNET : Exposure.INTERNAL;
    }

    /** A few words for messages. */
    static String describe(Exposure exposure) {
        return exposure == Exposure.INTERNET ? "on a publicly reachable instance" : "(no public instance attached)";
    }

    private static boolean uses(List<String> groupIds, String groupId) {
        return groupIds != null && groupIds.contains(groupId);
    }
}
