package io.watchkeeper.iamtuner.aws;

import io.watchkeeper.aws.AwsErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Reads an account's roles, users, groups and managed policies with {@code GetAccountAuthorizationDetails}
 * (one call per page, not one per principal); AWS-managed policies that are attached (or used as
 * boundaries) are read once each with {@code GetPolicy} + {@code GetPolicyVersion}.
 */
public final class IamReader {

    private IamReader() {}

    public static AccountIam read(IamClient iam) {
        List<RoleDetail> roles = new ArrayList<>();
        List<UserDetail> users = new ArrayList<>();
        List<GroupDetail> groups = new ArrayList<>();
        List<ManagedPolicyDetail> local = new ArrayList<>();
        try {
            for (GetAccountAuthorizationDetailsResponse page : iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(
                    EntityType.ROLE, EntityType.USER, EntityType.GROUP, EntityType.LOCAL_MANAGED_POLICY))) {
                roles.addAll(page.roleDetailList());
                users.addAll(page.userDetailList());
                groups.addAll(page.groupDetailList());
                local.addAll(page.policies());
            }
        } catch (RuntimeException e) {
            throw AwsErrors.translate("iam:GetAccountAuthorizationDetails", e);
        }
        List<IamPrincipal> principals = new ArrayList<>();
        for (RoleDetail r : roles) {
            principals.add(new IamPrincipal(PrincipalType.ROLE, r.arn(), r.roleName(), r.path(), r.createDate(), tags(r.tags()),
                    inline(r.rolePolicyList()), arns(r.attachedManagedPolicies()),
                    r.permissionsBoundary() == null ? null : r.permissionsBoundary().permissionsBoundaryArn(), List.of()));
        }
        for (UserDetail u : users) {
            principals.add(new IamPrincipal(PrincipalType.USER, u.arn(), u.userName(), u.path(), u.createDate(), tags(u.tags()),
                    inline(u.userPolicyList()), arns(u.attachedManagedPolicies()),
                    u.permissionsBoundary() == null ? null : u.permissionsBoundary().permissionsBoundaryArn(), u.groupList()));
        }
        Map<String, IamGroup> groupMap = new HashMap<>();
        for (GroupDetail g : groups) {
            groupMap.put(g.groupName(), IamGroup.of(g.groupName(), g.arn(), inline(g.groupPolicyList()),
                    arns(g.attachedManagedPolicies())));
        }
        Map<String, ManagedPolicy> policies = new HashMap<>();
        for (ManagedPolicyDetail p : local) {
            String document = null;
            List<String> versions = new ArrayList<>();
            for (PolicyVersion v : p.policyVersionList()) {
                versions.add(v.versionId());
                if (Boolean.TRUE.equals(v.isDefaultVersion())) {
                    document = PolicyText.decode(v.document());
                }
            }
            policies.put(p.arn(), new ManagedPolicy(p.arn(), p.policyName(), p.path(), false, p.defaultVersionId(),
                    document, versions));
        }
        Map<String, ManagedPolicy> aws = new LinkedHashMap<>();
        for (IamPrincipal p : principals) {
            List<String> wanted = new ArrayList<>(p.attached());
            if (p.boundaryArn() != null) {
                wanted.add(p.boundaryArn());
            }
            groupsOf(p, groupMap).forEach(g -> wanted.addAll(g.attached()));
            for (String arn : wanted) {
                if (!policies.containsKey(arn) && !aws.containsKey(arn)) {
                    aws.put(arn, readOne(iam, arn));
                }
            }
        }
        policies.putAll(aws);
        return new AccountIam(principals, groupMap, policies);
    }

    static List<IamGroup> groupsOf(IamPrincipal p, Map<String, IamGroup> groups) {
        return p.groups().stream().map(groups::get).filter(java.util.Objects::nonNull).toList();
    }

    /** One managed policy with its default version, read directly. */
    public static ManagedPolicy readOne(IamClient iam, String arn) {
        try {
            var policy = iam.getPolicy(r -> r.policyArn(arn)).policy();
            var version = iam.getPolicyVersion(r -> r.policyArn(arn).versionId(policy.defaultVersionId())).policyVersion();
            List<String> versions = iam.listPolicyVersions(r -> r.policyArn(arn)).versions().stream()
                    .map(PolicyVersion::versionId).toList();
            return new ManagedPolicy(arn, policy.policyName(), policy.path(), arn.contains(":iam::aws:policy/"),
                    policy.defaultVersionId(), PolicyText.decode(version.document()), versions);
        } catch (RuntimeException e) {
            throw AwsErrors.translate("iam:GetPolicy " + arn, e);
        }
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new HashMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    private static TreeMap<String, String> inline(List<PolicyDetail> list) {
        TreeMap<String, String> out = new TreeMap<>();
        list.forEach(p -> out.put(p.policyName(), PolicyText.decode(p.policyDocument())));
        return out;
    }

    private static List<String> arns(List<AttachedPolicy> list) {
        return list.stream().map(AttachedPolicy::policyArn).sorted().toList();
    }
}
