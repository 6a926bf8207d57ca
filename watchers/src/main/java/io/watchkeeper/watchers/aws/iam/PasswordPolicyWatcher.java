package io.watchkeeper.watchers.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.PasswordPolicyConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;

/** The IAM account password policy: one item per account, settings null when none is set. */
@AutoService(Watcher.class)
public final class PasswordPolicyWatcher extends AwsWatcher<PasswordPolicyConfig> {

    public PasswordPolicyWatcher() {
        super("aws.iam.password-policy", PasswordPolicyConfig.class, ScopeKind.GLOBAL, "iam:GetAccountPasswordPolicy");
    }

    @Override
    protected List<Observation<PasswordPolicyConfig>> observe(WatchScope scope, AwsSession aws) {
        String accountId = aws.accountId();
        var p = orNull(() -> aws.iam().getAccountPasswordPolicy().passwordPolicy(), "NoSuchEntity");
        var config = new PasswordPolicyConfig(accountId, p == null ? null : new PasswordPolicyConfig.Settings(
                p.minimumPasswordLength(), p.requireSymbols(), p.requireNumbers(), p.requireUppercaseCharacters(),
                p.requireLowercaseCharacters(), p.allowUsersToChangePassword(), p.expirePasswords(),
                p.maxPasswordAge(), p.passwordReusePrevention(), p.hardExpiry()));
        return List.of(new Observation.Observed<>("arn:aws:iam::" + accountId + ":account-password-policy",
                "account " + accountId, WatchScope.GLOBAL, config));
    }
}
