package io.watchkeeper.watchers.aws.iam;

import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.paginators.GetAccountAuthorizationDetailsIterable;

/**
 * What the IAM watchers share: the account's authorization details for one entity type (a few
 * pages for the whole account, instead of several calls per principal) and their conversions.
 */
final class IamDetails {

    /** The largest page AWS allows, so that most accounts need one call. */
    private static final int PAGE_SIZE = 1000;

    private IamDetails() {}

    /** GetAccountAuthorizationDetails pages restricted to {@code filter}. */
    static GetAccountAuthorizationDetailsIterable of(IamClient iam, EntityType filter) {
        return iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(filter).maxItems(PAGE_SIZE));
    }

    /** Inline policies sorted by name, documents parsed (GAAD returns them URL-encoded). */
    static List<IamInlinePolicy> inlinePolicies(List<PolicyDetail> policies) {
        return policies == null ? List.of() : policies.stream()
                .map(p -> new IamInlinePolicy(p.policyName(), PolicyDocument.parse(p.policyDocument())))
                .sorted(Comparator.comparing(IamInlinePolicy::name))
                .toList();
    }

    /** ARNs of attached managed policies, sorted. */
    static List<String> attachedArns(List<AttachedPolicy> attached) {
        return attached == null ? List.of() : attached.stream().map(AttachedPolicy::policyArn).sorted().toList();
    }

    /** The permissions boundary's policy ARN, or null. */
    static String boundaryArn(AttachedPermissionsBoundary boundary) {
        return boundary == null ? null : boundary.permissionsBoundaryArn();
    }
}
