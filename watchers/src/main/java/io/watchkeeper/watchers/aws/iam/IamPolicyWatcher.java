package io.watchkeeper.watchers.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * Customer-managed IAM policies with their default version's document, from
 * GetAccountAuthorizationDetails (filter LocalManagedPolicy, which lists every version). A policy
 * whose default version is missing from the answer is reported unreadable rather than without a
 * document. The name falls back to the ARN's last segment (which is the name) should the answer
 * leave it out, and an empty description is recorded as none.
 */
@AutoService(Watcher.class)
public final class IamPolicyWatcher extends AwsWatcher<IamPolicyConfig> {

    public IamPolicyWatcher() {
        super("aws.iam.policy", IamPolicyConfig.class, ScopeKind.GLOBAL, "iam:GetAccountAuthorizationDetails");
    }

    @Override
    protected List<Observation<IamPolicyConfig>> observe(WatchScope scope, AwsSession aws) {
        return IamDetails.of(aws).policies().stream()
                .map(IamPolicyWatcher::observation)
                .toList();
    }

    private static Observation<IamPolicyConfig> observation(ManagedPolicyDetail p) {
        String name = p.policyName() != null ? p.policyName() : p.arn().substring(p.arn().lastIndexOf('/') + 1);
        Optional<PolicyVersion> version = p.policyVersionList().stream()
                .filter(v -> p.defaultVersionId() == null ? Boolean.TRUE.equals(v.isDefaultVersion())
                        : p.defaultVersionId().equals(v.versionId()))
                .findFirst();
        if (version.isEmpty() || version.get().document() == null) {
            return new Observation.Unreadable<>(p.arn(), name, ErrorCategory.INVALID_RESPONSE,
                    "the default version " + p.defaultVersionId() + " is missing from GetAccountAuthorizationDetails");
        }
        var config = new IamPolicyConfig(name, p.policyId(), p.arn(), p.path(),
                p.description() == null || p.description().isBlank() ? null : p.description(), p.defaultVersionId(),
                PolicyDocument.parse(version.get().document()), p.isAttachable(), p.createDate(), p.updateDate(),
                p.attachmentCount());
        return new Observation.Observed<>(p.arn(), name, WatchScope.GLOBAL, config);
    }
}
