package io.watchkeeper.core.config.aws;

import java.time.Instant;
import java.util.List;

/**
 * A member account registered as delegated administrator of AWS services in the organization
 * ({@code aws.organizations.delegated-administrator}); read where the account may read it (the
 * management account), elsewhere the type has no items.
 *
 * @param accountId the delegated account
 * @param arn its account ARN
 * @param name its name
 * @param email its root e-mail address
 * @param status ACTIVE, SUSPENDED or PENDING_CLOSURE
 * @param joinedMethod INVITED or CREATED
 * @param delegationEnabledDate when it first became a delegated administrator
 * @param services the services it administers, sorted by principal
 */
public record DelegatedAdministratorConfig(
        String accountId,
        String arn,
        String name,
        String email,
        String status,
        String joinedMethod,
        Instant delegationEnabledDate,
        List<Service> services) {

    /**
     * One delegated service.
     *
     * @param servicePrincipal e.g. guardduty.amazonaws.com
     * @param delegationEnabledDate since when
     */
    public record Service(String servicePrincipal, Instant delegationEnabledDate) {}
}
