package io.watchkeeper.watchers.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * IAM roles with trust policy, inline and attached policies, boundary, instance profiles and tags,
 * all from GetAccountAuthorizationDetails (one call per 1000 roles, none per role).
 */
@AutoService(Watcher.class)
public final class IamRoleWatcher extends AwsWatcher<IamRoleConfig> {

    public IamRoleWatcher() {
        super("aws.iam.role", IamRoleConfig.class, ScopeKind.GLOBAL, "iam:GetAccountAuthorizationDetails");
    }

    @Override
    protected List<Observation<IamRoleConfig>> observe(WatchScope scope, AwsSession aws) {
        return IamDetails.of(aws).roles().stream()
                .<Observation<IamRoleConfig>>map(r -> new Observation.Observed<>(r.arn(), r.roleName(),
                        WatchScope.GLOBAL, config(r)))
                .toList();
    }

    private static IamRoleConfig config(RoleDetail r) {
        var lastUsed = r.roleLastUsed();
        return new IamRoleConfig(
                r.roleName(),
                r.roleId(),
                r.arn(),
                r.path(),
                r.createDate(),
                PolicyDocument.parse(r.assumeRolePolicyDocument()),
                IamDetails.inlinePolicies(r.rolePolicyList()),
                IamDetails.attachedArns(r.attachedManagedPolicies()),
                IamDetails.boundaryArn(r.permissionsBoundary()),
                sorted(r.instanceProfileList().stream().map(InstanceProfile::arn).toList(), Comparator.naturalOrder()),
                tags(r.tags(), t -> t.key(), t -> t.value()),
                lastUsed == null ? null : lastUsed.lastUsedDate(),
                lastUsed == null ? null : lastUsed.region());
    }
}
