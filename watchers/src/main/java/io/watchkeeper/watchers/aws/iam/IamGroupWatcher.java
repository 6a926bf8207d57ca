package io.watchkeeper.watchers.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamGroupConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;
import software.amazon.awssdk.services.iam.model.GroupDetail;

/**
 * IAM groups with inline and attached policies, from GetAccountAuthorizationDetails. Membership
 * is recorded on each user ({@code aws.iam.user}).
 */
@AutoService(Watcher.class)
public final class IamGroupWatcher extends AwsWatcher<IamGroupConfig> {

    public IamGroupWatcher() {
        super("aws.iam.group", IamGroupConfig.class, ScopeKind.GLOBAL, "iam:GetAccountAuthorizationDetails");
    }

    @Override
    protected List<Observation<IamGroupConfig>> observe(WatchScope scope, AwsSession aws) {
        return IamDetails.of(aws).groups().stream()
                .<Observation<IamGroupConfig>>map(g -> new Observation.Observed<>(g.arn(), g.groupName(),
                        WatchScope.GLOBAL, config(g)))
                .toList();
    }

    private static IamGroupConfig config(GroupDetail g) {
        return new IamGroupConfig(g.groupName(), g.groupId(), g.arn(), g.path(), g.createDate(),
                IamDetails.inlinePolicies(g.groupPolicyList()), IamDetails.attachedArns(g.attachedManagedPolicies()));
    }
}
