package io.watchkeeper.watchers.aws.organizations;

import io.watchkeeper.aws.AwsErrors;
import io.watchkeeper.aws.AwsSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.organizations.model.Organization;

/**
 * Whether an account may read its organization's policies and delegations: the management account
 * always may (a refusal there is an error); a member may only when it is a delegated administrator,
 * so a member's refusal, like an account outside any organization, means "not applicable": no items,
 * not a failure.
 */
final class OrganizationReadAccess {

    private OrganizationReadAccess() {}

    /**
     * The account's organization, or empty when the account is in none; asked once per session
     * (one account in one run) and shared by the policy and delegated-administrator watchers.
     */
    static Optional<Organization> organization(AwsSession aws) {
        return aws.shared("organizations:describe-organization", () -> {
            try {
                return Optional.of(aws.organizations().describeOrganization().organization());
            } catch (RuntimeException e) {
                if (AwsErrors.isNotFound(e, "AWSOrganizationsNotInUseException")) {
                    return Optional.<Organization>empty();
                }
                throw e;
            }
        });
    }

    /** {@code read}'s result, or an empty list where the organization's data is not the account's to read. */
    static <T> List<T> readOrNotApplicable(AwsSession aws, Supplier<List<T>> read) {
        Organization organization = organization(aws).orElse(null);
        if (organization == null) {
            return List.of();
        }
        if (aws.accountId().equals(organization.masterAccountId())) {
            return read.get();
        }
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e, "AccessDeniedException", "AccessDenied")) {
                return List.of();
            }
            throw e;
        }
    }
}
