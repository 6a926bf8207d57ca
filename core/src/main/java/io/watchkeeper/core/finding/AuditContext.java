package io.watchkeeper.core.finding;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;

/**
 * What a check may know beyond the resource itself: its account, the account's other items
 * (the security groups of an instance, the account's Block Public Access) and who is who.
 */
public interface AuditContext {

    /** The account that owns the resource. */
    Account account();

    /** The region of the resource being audited. */
    String region();

    /** The current (not deleted) items of {@code type} in the same account, every region. */
    <T extends Record> List<Related<T>> related(ResourceType type, Class<T> configType);

    /** Classifies an AWS principal: an account id, an ARN, {@code *}, or a service principal. */
    EntityClass classifyPrincipal(String principal);

    /** Classifies a CIDR (IPv4 or IPv6) or an {@code account/sg-id} security-group reference. */
    EntityClass classifyNetwork(String source);

    /**
     * The value in force of check {@code checkId}'s parameter {@code spec} for this account: the account's
     * setting, else the one for every account, else the default.
     */
    default long parameter(String checkId, ParameterSpec spec) {
        return spec.defaultValue();
    }

    /**
     * Whether a mail domain is a declared trusted one ({@code watchkeeper.gcp.trusted-domains}): the
     * domain itself or a subdomain of it. Consumer domains are never trusted (the checks decide that).
     */
    default boolean trustedDomain(String domain) {
        return false;
    }

    /**
     * Classifies a GCP project named by id or number (as service-account e-mails name them): the audited project,
     * a registered or declared trusted project ({@code watchkeeper.gcp.trusted-projects}), a third-party one, or
     * unknown. Exact matches only.
     */
    default EntityClass classifyGcpProject(String project) {
        return EntityClass.UNKNOWN;
    }

    /**
     * One related item.
     *
     * @param region where it lives
     * @param resourceId its resource id (ARN)
     * @param name its name
     * @param config its configuration
     */
    record Related<T>(String region, String resourceId, String name, T config) {}
}
