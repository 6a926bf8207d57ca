package io.watchkeeper.watchers.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.PasswordPolicyConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class PasswordPolicyWatcherTest extends AwsWatcherTestSupport {

    private final PasswordPolicyWatcher watcher = new PasswordPolicyWatcher();

    @Test
    void anAccountWithoutAPolicyReportsNone() {
        List<Observation<PasswordPolicyConfig>> observed = observe(watcher, "us-east-1");
        assertThat(observed).hasSize(1);
        var o = (Observation.Observed<PasswordPolicyConfig>) observed.getFirst();
        assertThat(o.resourceId()).isEqualTo("arn:aws:iam::" + Moto.ACCOUNT_ID + ":account-password-policy");
        assertThat(o.region()).isEqualTo(WatchScope.GLOBAL);
        assertThat(o.config().accountId()).isEqualTo(Moto.ACCOUNT_ID);
        assertThat(o.config().settings()).isNull();
    }

    @Test
    void readsTheAccountPolicy() {
        IamClient iam = moto.client(IamClient.builder());
        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireSymbols(true).requireNumbers(true)
                .requireUppercaseCharacters(true).requireLowercaseCharacters(false).allowUsersToChangePassword(true)
                .maxPasswordAge(90).passwordReusePrevention(24).hardExpiry(false));

        PasswordPolicyConfig c = configs(watcher, "us-east-1").values().iterator().next();
        assertThat(c.accountId()).isEqualTo(Moto.ACCOUNT_ID);
        assertThat(c.settings()).isEqualTo(new PasswordPolicyConfig.Settings(14, true, true, true, false, true, true,
                90, 24, false));
    }
}
