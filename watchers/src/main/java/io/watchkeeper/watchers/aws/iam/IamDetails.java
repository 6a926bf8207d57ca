package io.watchkeeper.watchers.aws.iam;

import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.aws.AwsSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * What the IAM watchers share: the account's authorization details (a few pages for the whole
 * account, instead of several calls per principal) and their conversions. The user, role, group
 * and policy watchers of one session (one account in one run) read one answer, asked once with
 * all four entity types as its filter: one call per account for most accounts instead of four.
 */
final class IamDetails {

    /** The largest page AWS allows, so that most accounts need one call. */
    private static final int PAGE_SIZE = 1000;

    private IamDetails() {}

    /** The entity types the IAM watchers read; the filter of the one shared request. */
    static final List<EntityType> WATCHED = List.of(EntityType.USER, EntityType.ROLE, EntityType.GROUP,
            EntityType.LOCAL_MANAGED_POLICY);

    /** The account's users, roles, groups and customer-managed policies, as GetAccountAuthorizationDetails lists them. */
    record Details(List<UserDetail> users, List<RoleDetail> roles, List<GroupDetail> groups,
                   List<ManagedPolicyDetail> policies) {}

    /**
     * The account's details, fetched once per session and shared by the four IAM watchers (see
     * {@link AwsSession#shared}: a failure is every asker's, and is not kept).
     */
    static Details of(AwsSession aws) {
        return aws.shared("iam:authorization-details", () -> fetch(aws.iam()));
    }

    /** All pages of GetAccountAuthorizationDetails for {@link #WATCHED}. */
    static Details fetch(IamClient iam) {
        List<UserDetail> users = new ArrayList<>();
        List<RoleDetail> roles = new ArrayList<>();
        List<GroupDetail> groups = new ArrayList<>();
        List<ManagedPolicyDetail> policies = new ArrayList<>();
        for (GetAccountAuthorizationDetailsResponse page
                : iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(WATCHED).maxItems(PAGE_SIZE))) {
            users.addAll(page.userDetailList());
            roles.addAll(page.roleDetailList());
            groups.addAll(page.groupDetailList());
            policies.addAll(page.policies());
        }
        return new Details(List.copyOf(users), List.copyOf(roles), List.copyOf(groups), List.copyOf(policies));
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
