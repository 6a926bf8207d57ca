package io.watchkeeper.watchers.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.iam.IamClient;
import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * IAM users: policies, groups, boundary and tags from GetAccountAuthorizationDetails; password,
 * MFA and access-key state from the credential report. The report does not name key ids, so for
 * each user the report shows with a key, one ListAccessKeys call names them (matched to the slots
 * by creation time; its status is fresher than the report's): code scanning joins a key found in
 * code to its user by id. Without {@code iam:ListAccessKeys} the ids stay unknown and nothing else
 * changes. The report's root account row is not an IAM user and is skipped. If the report cannot
 * be had, the scope fails; a user the report does not cover yet (created after it was generated)
 * is unreadable this run.
 */
@AutoService(Watcher.class)
public final class IamUserWatcher extends AwsWatcher<IamUserConfig> {

    public IamUserWatcher() {
        super("aws.iam.user", IamUserConfig.class, ScopeKind.GLOBAL, "iam:GetAccountAuthorizationDetails",
                "iam:GenerateCredentialReport", "iam:GetCredentialReport", "iam:ListAccessKeys");
    }

    @Override
    protected List<Observation<IamUserConfig>> observe(WatchScope scope, AwsSession aws) {
        IamClient iam = aws.iam();
        Map<String, IamCredentialReport.Row> report = IamCredentialReport.fetch(aws).users();
        KeyIds keyIds = new KeyIds(iam);
        return IamDetails.of(aws).users().stream()
                .map(u -> observation(u, report.get(u.arn()), keyIds))
                .toList();
    }

    /** Key ids by ListAccessKeys; after one AccessDenied it stops asking for the rest of the scope. */
    static final class KeyIds {
        private final IamClient iam;
        private boolean denied;

        KeyIds(IamClient iam) {
            this.iam = iam;
        }

        List<AccessKey> named(String userName, List<AccessKey> slots) {
            if (slots.isEmpty() || denied) {
                return slots;
            }
            List<AccessKeyMetadata> keys;
            try {
                keys = iam.listAccessKeysPaginator(r -> r.userName(userName)).accessKeyMetadata().stream().toList();
            } catch (IamException e) {
                if (e.statusCode() == 403) {
                    denied = true;
                }
                return slots;
            }
            // each key matches at most one slot: the first slot (slot order) created in the same second
            java.util.Set<String> used = new java.util.HashSet<>();
            List<AccessKey> named = new java.util.ArrayList<>();
            for (AccessKey slot : slots) {
                AccessKey result = slot;
                for (AccessKeyMetadata k : keys) {
                    if (k.createDate() != null && slot.lastRotated() != null && !used.contains(k.accessKeyId())
                            && k.createDate().truncatedTo(ChronoUnit.SECONDS).equals(slot.lastRotated().truncatedTo(ChronoUnit.SECONDS))) {
                        used.add(k.accessKeyId());
                        result = slot.withKey(k.accessKeyId(), k.status() == StatusType.ACTIVE);
                        break;
                    }
                }
                named.add(result);
            }
            return named;
        }
    }

    private static Observation<IamUserConfig> observation(UserDetail u, IamCredentialReport.Row row, KeyIds keyIds) {
        if (row == null || !sameUser(u, row)) {
            return new Observation.Unreadable<>(u.arn(), u.userName(), ErrorCategory.UNAVAILABLE,
                    "not in the credential report yet (AWS regenerates it at most every four hours)");
        }
        var config = new IamUserConfig(u.userName(), u.userId(), u.arn(), u.path(), u.createDate(),
                IamDetails.inlinePolicies(u.userPolicyList()), IamDetails.attachedArns(u.attachedManagedPolicies()),
                sorted(u.groupList(), Comparator.naturalOrder()), IamDetails.boundaryArn(u.permissionsBoundary()),
                tags(u.tags(), t -> t.key(), t -> t.value()), row.passwordEnabled(), row.passwordLastChanged(),
                row.mfaActive(), keyIds.named(u.userName(), row.accessKeys()), row.passwordLastUsed());
        return new Observation.Observed<>(u.arn(), u.userName(), WatchScope.GLOBAL, config);
    }

    /** Whether the row is this user and not an earlier one of the same name, deleted since. */
    private static boolean sameUser(UserDetail u, IamCredentialReport.Row row) {
        return row.userCreationTime() == null || u.createDate() == null || Objects.equals(
                row.userCreationTime().truncatedTo(ChronoUnit.SECONDS), u.createDate().truncatedTo(ChronoUnit.SECONDS));
    }
}
